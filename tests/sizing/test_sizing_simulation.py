"""The day simulation against the formulas, within its confidence interval."""

import math

import numpy as np
import pytest

from hallplan.model import Demand, DemandGroup
from hallplan.rules.sizing import design_peak_rate, group_hourly_rates, queue_stats, simulate_days

Z99_OVER_Z95 = 2.5758 / 1.9600


@pytest.mark.parametrize(
    "windows, rate, mean, cv, days",
    [
        (4, 19.2, 10.0, 1.0, 60),  # M/M/4 at ρ = 0.8: Erlang C is exact
        (1, 4.5, 10.0, 0.5, 60),  # M/G/1: Allen–Cunneen is the exact Pollaczek–Khinchine formula
        (9, 40.0, 12.0, 1.0, 200),  # the town sample's group at its recommended count, exponential
    ],
)
def test_simulation_matches_exact_formula_within_ci(windows, rate, mean, cv, days):
    # a long flat day with a warm-up, so the simulated customers see the steady state
    sim = simulate_days(windows, [rate] * 40, mean, cv, days=days, warmup_hours=8, seed=7)
    q = queue_stats(windows, rate, mean, cv)
    half99 = sim.mean_wait_ci * Z99_OVER_Z95
    assert abs(sim.mean_wait - q.mean_wait) <= half99, (sim.mean_wait, sim.mean_wait_ci, q.mean_wait)
    assert sim.mean_wait_ci < 0.15 * q.mean_wait  # the interval is tight enough to mean something
    if cv == 1.0:  # the whole wait distribution is exact for M/M/c
        assert sim.p_over_limit == pytest.approx(q.p_over_limit, abs=0.02)
        assert sim.p90_wait == pytest.approx(q.p90_wait, rel=0.1)


def test_allen_cunneen_close_to_simulation_for_many_windows():
    # for M/G/c with c > 1 Allen–Cunneen is an approximation: within 8 % of the formula plus the
    # simulation's own 99 % interval
    for cv in (0.5, 1.5):
        sim = simulate_days(3, [15.0] * 40, 10.0, cv, days=400, warmup_hours=8, seed=3)
        q = queue_stats(3, 15.0, 10.0, cv)
        assert abs(sim.mean_wait - q.mean_wait) <= 0.08 * q.mean_wait + sim.mean_wait_ci * Z99_OVER_Z95


def test_seeded_and_deterministic():
    a = simulate_days(3, [10, 20, 30, 20, 10], 8.0, 0.7, days=30, seed=11)
    b = simulate_days(3, [10, 20, 30, 20, 10], 8.0, 0.7, days=30, seed=11)
    c = simulate_days(3, [10, 20, 30, 20, 10], 8.0, 0.7, days=30, seed=12)
    assert a == b
    assert a != c


def test_deterministic_service_without_congestion_has_no_wait():
    # one arrival per hour, 5 min handling, 2 windows: almost nobody waits
    sim = simulate_days(2, [1.0] * 8, 5.0, 0.0, days=50, seed=1)
    assert sim.mean_wait < 0.1 and sim.peak_queue_mean <= 1.0


def test_no_arrivals():
    sim = simulate_days(2, [0.0] * 4, 5.0, 1.0, days=5)
    assert sim.customers == 0 and sim.mean_wait == 0.0 and sim.peak_queue_mean == 0.0


def test_peak_queue_grows_with_load_and_closing_hour_is_partial():
    low = simulate_days(3, [10.0] * 8, 12.0, 1.0, days=40, seed=5)
    high = simulate_days(3, [14.0] * 8, 12.0, 1.0, days=40, seed=5)
    assert high.peak_queue_mean > low.peak_queue_mean
    half = simulate_days(3, [10.0] * 8, 12.0, 1.0, days=40, seed=5, last_hour_fraction=0.5)
    assert half.customers < low.customers
    assert abs(half.customers / 40 - 75.0) < 4 * math.sqrt(75.0 / 40)  # 7.5 h × 10/h


def test_hourly_profile_from_daily_cases():
    profile = (0.08, 0.14, 0.18, 0.12, 0.05, 0.10, 0.13, 0.12, 0.08)
    g = DemandGroup("u", "无差别", daily_cases=300, hourly_profile=profile, mean_handling_min=10)
    d = Demand(groups=(g,), opening_hours_per_day=9)
    rates = group_hourly_rates(d, g)
    assert sum(rates) == pytest.approx(300.0)
    assert design_peak_rate(d, g) == pytest.approx(300 * 0.18)
    sim = simulate_days(7, rates, 10.0, 1.0, days=40, seed=2)
    assert sim.customers / 40 == pytest.approx(300, rel=0.05)
    # a peak rate given explicitly wins; without a profile the cases spread over opening hours
    assert design_peak_rate(d, DemandGroup("v", "", peak_arrivals_per_hour=50)) == 50
    flat = DemandGroup("w", "", daily_cases=150)
    assert design_peak_rate(Demand(groups=(flat,), opening_hours_per_day=7.5), flat) == pytest.approx(20)
    assert len(group_hourly_rates(Demand(opening_hours_per_day=7.5), flat)) == 8


def test_profile_peak_is_below_flat_peak_day():
    # a one-hour peak does not build the stationary queue that a whole day at the peak rate would
    peaky = simulate_days(9, [20, 30, 40, 30, 20, 20, 30, 20], 12.0, 0.8, days=100, seed=4)
    flat = simulate_days(9, [40] * 8, 12.0, 0.8, days=100, seed=4)
    assert peaky.mean_wait < flat.mean_wait
    assert np.isfinite(peaky.p90_wait)
