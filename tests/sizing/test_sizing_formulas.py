"""Erlang C and Allen–Cunneen against published and closed-form values."""

import math

import pytest

from hallplan.rules.sizing import (
    allen_cunneen_factor,
    erlang_b,
    erlang_c,
    mgc_mean_wait,
    min_windows,
    mmc_mean_wait,
    mmc_wait_exceeds,
    queue_stats,
    wait_curve,
)


@pytest.mark.parametrize(
    "c, a, expected, tol",
    [
        # Call Centre Helper's worked example: 100 calls / 30 min, 180 s handling = 10 erlangs, 11 agents
        (11, 10.0, 0.6821, 5e-5),
        # Textbook exercise (120 customers/h, 3 min, 10 servers): "from the Erlang C curve ... about 0.10"
        (10, 6.0, 0.1013, 5e-5),
        # Erlang C calculator example (600 calls/h of 120 s = 20 erlangs): 15 % target needs 26 circuits,
        # 30 circuits bring the delay probability down to 2.5 %
        (26, 20.0, 0.1434, 5e-5),
        (30, 20.0, 0.0250, 5e-5),
    ],
)
def test_erlang_c_published_values(c, a, expected, tol):
    assert erlang_c(c, a) == pytest.approx(expected, abs=tol)


def test_published_staffing_and_delay():
    # 20 erlangs, 15 % delay target -> 26 agents; average delay ≈ 3 s per 120 s call
    assert min(n for n in range(21, 40) if erlang_c(n, 20.0) <= 0.15) == 26
    assert mmc_mean_wait(26, 20.0, 120.0) == pytest.approx(3.0, abs=0.15)
    # the call-centre example: ASA 122.8 s, 39 % answered within 20 s
    assert mmc_mean_wait(11, 10.0, 180.0) == pytest.approx(122.8, abs=0.1)
    assert 1 - mmc_wait_exceeds(11, 10.0, 180.0, 20.0) == pytest.approx(0.389, abs=0.001)


@pytest.mark.parametrize("rho", [0.1, 0.5, 0.8, 0.95])
def test_closed_forms_for_one_and_two_servers(rho):
    assert erlang_c(1, rho) == pytest.approx(rho)  # M/M/1
    assert erlang_c(2, 2 * rho) == pytest.approx(2 * rho**2 / (1 + rho))  # M/M/2
    assert erlang_b(1, rho) == pytest.approx(rho / (1 + rho))
    # M/M/1: Wq = ρ/(1−ρ)·E[S]
    assert mmc_mean_wait(1, rho, 10.0) == pytest.approx(rho / (1 - rho) * 10.0)


def test_large_systems_do_not_overflow():
    c = erlang_c(400, 390.0)
    assert 0.0 < c < 1.0 and math.isfinite(c)


def test_unstable_and_empty():
    assert erlang_c(5, 5.0) == 1.0
    assert math.isinf(mmc_mean_wait(5, 6.0, 10.0))
    assert mmc_mean_wait(3, 0.0, 10.0) == 0.0
    q = queue_stats(7, 40, 12, 0.8)
    assert not q.stable and math.isinf(q.mean_wait) and q.p_over_limit == 1.0
    assert queue_stats(0, 0, 12).mean_wait == 0.0
    assert min_windows(0, 12) == 0


def test_allen_cunneen_is_pollaczek_khinchine_for_one_window():
    lam, s, cv = 1 / 15, 10.0, 0.5  # per minute
    rho = lam * s
    pk = rho * s * (1 + cv**2) / (2 * (1 - rho))
    assert mgc_mean_wait(1, rho, s, cv) == pytest.approx(pk)
    assert allen_cunneen_factor(1.0) == 1.0 and allen_cunneen_factor(0.0) == 0.5


def test_queue_stats_consistent_with_mmc():
    q = queue_stats(9, 40, 12, 1.0, 30)
    a = 8.0
    assert q.offered_load == pytest.approx(a)
    assert q.mean_wait == pytest.approx(q.mean_wait_mmc) == pytest.approx(mmc_mean_wait(9, a, 12))
    assert q.p_over_limit == pytest.approx(mmc_wait_exceeds(9, a, 12, 30))
    # p90 is where P(W > t) = 0.1
    assert mmc_wait_exceeds(9, a, 12, q.p90_wait) == pytest.approx(0.1)
    # Little: Lq = λ·Wq; the peak number waiting exceeds it
    assert q.mean_waiting == pytest.approx(40 / 60 * q.mean_wait)
    assert q.peak_waiting >= q.mean_waiting
    # M/M/c tail of the number waiting: P(Lq > n) = C·ρ^(n+1) <= 5 % at the peak, > 5 % one below
    rho = a / 9
    assert q.p_wait * rho ** (q.peak_waiting + 1) <= 0.05 < q.p_wait * rho**q.peak_waiting


def test_min_windows_is_the_smallest_meeting_the_limit():
    for lam, s, cv, limit in [(40, 12, 0.8, 30), (120, 3, 1.0, 1), (5, 20, 1.2, 10), (300, 15, 0.6, 30)]:
        n = min_windows(lam, s, cv, limit)
        a = lam / 60 * s
        assert mgc_mean_wait(n, a, s, cv) <= limit
        assert n - 1 <= a or mgc_mean_wait(n - 1, a, s, cv) > limit


def test_wait_curve_decreases():
    curve = wait_curve(40, 12, 0.8, 30, start=7)
    assert [q.windows for q in curve] == [7, 8, 9, 10, 11, 12]
    waits = [q.mean_wait for q in curve]
    assert all(x >= y for x, y in zip(waits, waits[1:], strict=False))
