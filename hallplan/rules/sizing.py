"""Sizing from demand: windows, waiting seats and staff (JZ-8, LA-4.1.1, LA-4.4.1.2, YZ-3.3).

The documents ask that the queue wait stay within about half an hour (JZ-8: 群众排队等待时间尽量控制在半个
小时) and that the number of windows follow from population, items, case volume and handling time
(LA-4.1.1). A service hall with a ticket machine is a single first-come-first-served queue in front of
``c`` identical windows, so this module models each demand group (:class:`~hallplan.model.DemandGroup`)
as a multi-server queue:

* **M/M/c (Erlang C)** for Poisson arrivals and exponential handling times: the probability of waiting,
  the mean wait and the wait distribution in closed form (:func:`erlang_c`, :func:`mmc_mean_wait`,
  :func:`mmc_wait_exceeds`). References: A. K. Erlang, "Løsning af nogle Problemer fra
  Sandsynlighedsregningen af Betydning for de automatiske Telefoncentraler", *Elektroteknikeren* 13
  (1917); D. Gross, J. F. Shortle, J. M. Thompson, C. M. Harris, *Fundamentals of Queueing Theory*, 4th
  ed., Wiley 2008, §2.3 (the M/M/c queue). Computed through the numerically stable Erlang B recursion
  ``B(k) = a·B(k-1) / (k + a·B(k-1))`` and ``C = c·B / (c − a·(1 − B))``, which never forms ``a^c/c!``.
* **Allen–Cunneen** correction for handling times that are not exponential (M/G/c, and G/G/c in
  general): ``Wq(G/G/c) ≈ Wq(M/M/c) · (ca² + cs²) / 2`` with ``ca``, ``cs`` the coefficients of variation
  of the inter-arrival and handling times (``ca = 1`` for Poisson arrivals). References: A. O. Allen,
  *Probability, Statistics, and Queueing Theory with Computer Science Applications*, 2nd ed., Academic
  Press 1990 (the Allen–Cunneen approximation); W. Whitt, "Approximations for the GI/G/m queue",
  *Production and Operations Management* 2 (2), 1993. For one window and Poisson arrivals it is the exact
  Pollaczek–Khinchine formula. The wait distribution is approximated the usual way: the probability of
  waiting is kept at the Erlang C value and the conditional wait is taken as exponential with the
  corrected mean (as discussed by Whitt 1993).
* A **discrete-event simulation** of whole days (:func:`simulate_days`) with an hourly arrival profile
  (a non-homogeneous Poisson process, piecewise constant per hour) and gamma-distributed handling times
  with the given mean and coefficient of variation, served first come first served by ``c`` windows
  (the multi-server Kiefer–Wolfowitz recursion: each arrival takes the window that frees first). It is
  vectorised over simulated days with numpy and seeded, so the same inputs give the same report. It
  checks the formulas (tests compare it with Erlang C within its confidence interval) and reports the
  mean and 90th-percentile wait and the peak queue over a real day, where the peak hour may not last
  long enough for the steady state the formulas assume.

Outputs per group: the smallest window count whose mean wait (Allen–Cunneen) is within the limit, the
p90 wait there, the number waiting at the design peak (95th percentile of the stationary queue length)
and the waiting seats (that number plus the margin, YZ-3.3). Staff for A/B posts (LA-4.4.1.2) is
``windows × shifts``. The findings on a plan's shortfalls are the rule engine's: the pack rules whose
check is in :mod:`hallplan.rules.checks_sizing` (see its ``sizing_findings``).

All times are in minutes and rates in arrivals per hour unless a name says otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from hallplan.model import (
    Demand,
    DemandGroup,
    Domain,
    FurnitureKind,
    Plan,
    ServiceWindow,
    WindowKind,
    ZoneKind,
    edits,
)
from hallplan.model.geom import point_in_ring

__all__ = [
    "GroupSizing",
    "QueueStats",
    "SimulationStats",
    "Sizing",
    "allen_cunneen_factor",
    "design_peak_rate",
    "erlang_b",
    "erlang_c",
    "group_hourly_rates",
    "mgc_mean_wait",
    "min_windows",
    "mmc_mean_wait",
    "mmc_wait_exceeds",
    "queue_stats",
    "recommended_window_row",
    "seats_in_plan",
    "simulate_days",
    "size_plan",
    "wait_curve",
    "windows_for_group",
]

#: Quantile of the stationary number waiting used as the design "peak number waiting" for seats.
PEAK_WAITING_QUANTILE = 0.95
#: Quantile of the wait reported beside the mean (JZ-8 asks to show the 90th percentile).
WAIT_QUANTILE = 0.90


# --------------------------------------------------------------------------------------------
# Closed forms
# --------------------------------------------------------------------------------------------
def erlang_b(c: int, a: float) -> float:
    """Erlang B blocking probability of ``c`` servers offered ``a`` erlangs (stable recursion).

    >>> round(erlang_b(1, 1.0), 6)
    0.5
    >>> round(erlang_b(10, 6.0), 6)
    0.043142
    """
    if c < 0 or a < 0:
        raise ValueError("erlang_b needs c >= 0 and a >= 0")
    b = 1.0
    for k in range(1, c + 1):
        b = a * b / (k + a * b)
    return b


def erlang_c(c: int, a: float) -> float:
    """Erlang C: probability that an arrival waits in an M/M/c queue with offered load ``a`` erlangs.

    ``a = λ·E[S]``. Returns 1.0 when ``a >= c`` (no steady state: everybody waits, the queue grows).

    >>> round(erlang_c(1, 0.5), 6)   # M/M/1: ρ
    0.5
    >>> round(erlang_c(11, 10.0), 4)  # the classic call-centre example: 10 erlangs, 11 agents
    0.6821
    """
    if c <= 0:
        return 1.0
    if a <= 0:
        return 0.0
    if a >= c:
        return 1.0
    b = erlang_b(c, a)
    return c * b / (c - a * (1.0 - b))


def mmc_mean_wait(c: int, a: float, mean_service: float) -> float:
    """Mean wait in queue of M/M/c: ``Wq = C(c, a) · E[S] / (c − a)`` (``inf`` when ``a >= c``)."""
    if a <= 0:
        return 0.0
    if c <= a:
        return math.inf
    return erlang_c(c, a) * mean_service / (c - a)


def mmc_wait_exceeds(c: int, a: float, mean_service: float, t: float) -> float:
    """``P(W > t)`` in M/M/c: ``C(c, a) · exp(−(c − a)·t / E[S])`` (1.0 when ``a >= c``)."""
    if a <= 0:
        return 0.0
    if c <= a:
        return 1.0
    return erlang_c(c, a) * math.exp(-(c - a) * t / mean_service)


def allen_cunneen_factor(cv_service: float, cv_arrival: float = 1.0) -> float:
    """The Allen–Cunneen variability factor ``(ca² + cs²) / 2`` (1.0 for M/M/c)."""
    return (cv_arrival**2 + cv_service**2) / 2.0


def mgc_mean_wait(c: int, a: float, mean_service: float, cv_service: float, cv_arrival: float = 1.0) -> float:
    """Mean wait in queue, Allen–Cunneen: ``Wq(M/M/c) · (ca² + cs²) / 2``."""
    w = mmc_mean_wait(c, a, mean_service)
    return w if math.isinf(w) else w * allen_cunneen_factor(cv_service, cv_arrival)


@dataclass(frozen=True)
class QueueStats:
    """Stationary measures of one group served by ``windows`` windows (formulas, times in minutes)."""

    windows: int
    arrivals_per_hour: float
    mean_handling_min: float
    handling_cv: float
    offered_load: float  #: erlangs, λ·E[S]
    utilisation: float  #: a / c (≥ 1: no steady state)
    p_wait: float  #: Erlang C, probability of waiting at all
    mean_wait_mmc: float  #: M/M/c mean wait (exponential handling)
    mean_wait: float  #: Allen–Cunneen mean wait (equals the above for cv = 1)
    p90_wait: float  #: 90th percentile of the wait
    limit_min: float  #: the wait limit ``t`` of the next field
    p_over_limit: float  #: P(wait > limit)
    mean_waiting: float  #: mean number waiting (Little: λ·Wq)
    peak_waiting: int  #: 95th percentile of the number waiting (design peak for seats)

    @property
    def stable(self) -> bool:
        return self.utilisation < 1.0


def queue_stats(
    windows: int, arrivals_per_hour: float, mean_handling_min: float, handling_cv: float = 1.0,
    limit_min: float = 30.0, peak_quantile: float = PEAK_WAITING_QUANTILE,
) -> QueueStats:
    """All stationary measures for ``windows`` windows (M/M/c with the Allen–Cunneen correction).

    The wait distribution is ``P(W > t) ≈ C · exp(−t · C / Wq)``: the Erlang C probability of waiting
    times an exponential conditional wait whose mean ``Wq / C`` carries the correction (exact for
    M/M/c). The number waiting has the geometric tail ``P(Lq ≥ k) = C · r^k`` of M/M/c (``r = ρ``),
    with ``r`` chosen so its mean equals ``λ·Wq`` (Little's law) under the correction; its
    ``peak_quantile`` is the design peak number waiting.
    """
    lam = arrivals_per_hour / 60.0
    a = lam * mean_handling_min
    c = int(windows)
    util = a / c if c > 0 else (math.inf if a > 0 else 0.0)
    if a <= 0:
        return QueueStats(c, arrivals_per_hour, mean_handling_min, handling_cv, 0.0, 0.0, 0.0, 0.0,
                          0.0, 0.0, limit_min, 0.0, 0.0, 0)
    if c <= a:
        inf = math.inf
        return QueueStats(c, arrivals_per_hour, mean_handling_min, handling_cv, a, util, 1.0, inf,
                          inf, inf, limit_min, 1.0, inf, 2**31 - 1)
    pc = erlang_c(c, a)
    w_mmc = mmc_mean_wait(c, a, mean_handling_min)
    w = w_mmc * allen_cunneen_factor(handling_cv)
    if pc <= 0.0 or w <= 0.0:
        return QueueStats(c, arrivals_per_hour, mean_handling_min, handling_cv, a, util, pc, w_mmc,
                          w, 0.0, limit_min, 0.0, 0.0, 0)
    cond = w / pc  # mean of the conditional wait given a wait
    p_over = pc * math.exp(-limit_min / cond)
    tail = 1.0 - WAIT_QUANTILE
    p90 = cond * math.log(pc / tail) if pc > tail else 0.0
    lq = lam * w
    r = lq / (pc + lq)
    tail_n = 1.0 - peak_quantile
    # smallest n with P(Lq > n) = C · r^(n+1) <= tail_n
    peak = 0 if pc <= tail_n else max(0, math.ceil(math.log(tail_n / pc) / math.log(r) - 1.0 - 1e-9))
    return QueueStats(c, arrivals_per_hour, mean_handling_min, handling_cv, a, util, pc, w_mmc, w,
                      p90, limit_min, p_over, lq, int(peak))


def min_windows(
    arrivals_per_hour: float, mean_handling_min: float, handling_cv: float = 1.0, max_wait_min: float = 30.0,
) -> int:
    """The smallest window count whose mean wait (Allen–Cunneen) is ≤ ``max_wait_min`` (0 without demand)."""
    a = arrivals_per_hour / 60.0 * mean_handling_min
    if a <= 0:
        return 0
    c = max(1, math.floor(a) + 1)
    while mgc_mean_wait(c, a, mean_handling_min, handling_cv) > max_wait_min:
        c += 1
    return c


def wait_curve(
    arrivals_per_hour: float, mean_handling_min: float, handling_cv: float = 1.0, limit_min: float = 30.0,
    *, extra: int = 3, start: int | None = None,
) -> list[QueueStats]:
    """:class:`QueueStats` from the first stable window count (or ``start``) to the minimum plus ``extra``."""
    a = arrivals_per_hour / 60.0 * mean_handling_min
    need = min_windows(arrivals_per_hour, mean_handling_min, handling_cv, limit_min)
    lo = max(1, math.floor(a) + 1) if start is None else max(1, start)
    hi = max(need, lo) + extra
    return [queue_stats(c, arrivals_per_hour, mean_handling_min, handling_cv, limit_min) for c in range(lo, hi + 1)]


# --------------------------------------------------------------------------------------------
# Simulation
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SimulationStats:
    """Results of :func:`simulate_days` (times in minutes; queue lengths in people)."""

    windows: int
    days: int
    customers: int  #: customers counted (after the warm-up)
    mean_wait: float
    mean_wait_ci: float  #: half-width of the 95 % confidence interval of ``mean_wait`` (across days)
    p90_wait: float
    p_over_limit: float
    limit_min: float
    peak_queue_mean: float  #: mean over days of the day's largest number waiting
    peak_queue_p90: float  #: 90th percentile over days of that maximum
    seed: int

    @property
    def ci(self) -> tuple[float, float]:
        return (self.mean_wait - self.mean_wait_ci, self.mean_wait + self.mean_wait_ci)


def _student_t_975(nu: int) -> float:
    """The 97.5 % quantile of Student's t with ``nu`` degrees of freedom (Cornish–Fisher expansion,
    Abramowitz & Stegun 26.7.5; error < 0.1 % for ``nu`` ≥ 5, so no scipy.stats import is needed)."""
    z = 1.959963984540054
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / nu + g2 / nu**2 + g3 / nu**3 + g4 / nu**4


def _service_times(rng: np.random.Generator, mean: float, cv: float, shape: tuple[int, ...]) -> np.ndarray:
    if cv <= 1e-9:
        return np.full(shape, float(mean))
    k = 1.0 / (cv * cv)  # gamma shape; cv = 1 is the exponential
    return rng.gamma(k, mean / k, size=shape)


def simulate_days(
    windows: int,
    hourly_rates: Sequence[float],
    mean_handling_min: float,
    handling_cv: float = 1.0,
    *,
    days: int = 200,
    seed: int = 20240619,
    warmup_hours: float = 0.0,
    limit_min: float = 30.0,
    last_hour_fraction: float = 1.0,
) -> SimulationStats:
    """Simulate ``days`` independent days of one group at ``windows`` windows (seeded, vectorised).

    ``hourly_rates[h]`` is the arrival rate (per hour) during opening hour ``h``; ``last_hour_fraction``
    shortens the last hour (7.5 opening hours: eight slots, the last 0.5). Arrivals are a Poisson
    process with that piecewise constant rate; the hall opens empty, admits no one after closing and
    serves everybody already waiting. Customers arriving before ``warmup_hours`` are not counted in the
    wait statistics (use it to compare with steady-state formulas). The 95 % confidence interval of the
    mean wait is the ratio estimator's across days (days are independent replications).
    """
    if windows < 1:
        raise ValueError("simulate_days needs at least one window")
    rates = np.asarray(hourly_rates, dtype=float)
    if rates.ndim != 1 or rates.size == 0 or np.any(rates < 0):
        raise ValueError("hourly_rates must be a non-empty sequence of rates >= 0")
    rng = np.random.default_rng(seed)
    lengths = np.ones(rates.size)
    lengths[-1] = last_hour_fraction
    starts_h = np.concatenate(([0.0], np.cumsum(lengths)[:-1]))
    # arrivals: Poisson count per (day, hour), uniform times within the slot
    counts = rng.poisson(rates * lengths, size=(days, rates.size))
    per_day = counts.sum(axis=1)
    nmax = int(per_day.max()) if days else 0
    day_idx = np.repeat(np.repeat(np.arange(days), rates.size), counts.ravel())
    slot_idx = np.repeat(np.tile(np.arange(rates.size), days), counts.ravel())
    times = (starts_h[slot_idx] + rng.random(day_idx.size) * lengths[slot_idx]) * 60.0
    order = np.lexsort((times, day_idx))
    times, day_idx = times[order], day_idx[order]
    offsets = np.concatenate(([0], np.cumsum(per_day)[:-1]))
    pos = np.arange(times.size) - offsets[day_idx]
    arr = np.full((days, max(nmax, 1)), np.inf)
    arr[day_idx, pos] = times
    serv = _service_times(rng, mean_handling_min, handling_cv, arr.shape)
    valid = np.isfinite(arr)

    free = np.zeros((days, windows))
    start = np.full(arr.shape, np.inf)
    rows = np.arange(days)
    for k in range(nmax):
        a_k = arr[:, k]
        v = valid[:, k]
        j = np.argmin(free, axis=1)
        f = free[rows, j]
        s = np.maximum(a_k, f)
        start[:, k] = s
        free[rows[v], j[v]] = s[v] + serv[v, k]
    wait = np.where(valid, start - np.where(valid, arr, 0.0), 0.0)

    counted = valid & (arr >= warmup_hours * 60.0)
    n_d = counted.sum(axis=1).astype(float)
    w_d = np.where(counted, wait, 0.0).sum(axis=1)
    n_tot = n_d.sum()
    if n_tot == 0:
        return SimulationStats(windows, days, 0, 0.0, 0.0, 0.0, 0.0, limit_min, 0.0, 0.0, seed)
    mean = w_d.sum() / n_tot
    if days > 1:
        resid = w_d - mean * n_d
        se = math.sqrt(float((resid**2).sum()) / (days * (days - 1))) / (n_tot / days)
        half = _student_t_975(days - 1) * float(se)
    else:
        half = math.inf
    all_w = wait[counted]
    p90 = float(np.quantile(all_w, WAIT_QUANTILE))
    p_over = float((all_w > limit_min).mean())

    # peak number waiting per day: +1 at arrival, −1 at start, for those who waited
    waited = valid & (wait > 1e-12)
    ev_t = np.concatenate([np.where(waited, arr, np.inf), np.where(waited, start, np.inf)], axis=1)
    ev_d = np.concatenate([np.ones(arr.shape), -np.ones(arr.shape)], axis=1)
    srt = np.argsort(ev_t, axis=1, kind="stable")
    deltas = np.take_along_axis(ev_d, srt, axis=1) * np.isfinite(np.take_along_axis(ev_t, srt, axis=1))
    peaks = np.maximum(np.cumsum(deltas, axis=1).max(axis=1), 0.0)
    return SimulationStats(
        windows=windows, days=days, customers=int(n_tot), mean_wait=float(mean), mean_wait_ci=half,
        p90_wait=p90, p_over_limit=p_over, limit_min=limit_min, peak_queue_mean=float(peaks.mean()),
        peak_queue_p90=float(np.quantile(peaks, 0.9)), seed=seed,
    )


# --------------------------------------------------------------------------------------------
# Plan-level sizing
# --------------------------------------------------------------------------------------------
def _profile_hours(demand: Demand, group: DemandGroup) -> tuple[int, float]:
    """(number of hourly slots, length of the last slot in hours)."""
    if group.hourly_profile:
        return len(group.hourly_profile), 1.0
    h = max(demand.opening_hours_per_day, 0.0)
    n = max(1, math.ceil(h - 1e-9))
    last = h - (n - 1) if h > 0 else 1.0
    return n, last


def design_peak_rate(demand: Demand, group: DemandGroup) -> float:
    """Arrivals in the design peak hour: ``peak_arrivals_per_hour`` if given, else from daily cases.

    Daily cases are spread by the hourly profile (fractions, normalised) or evenly over the opening
    hours; the busiest hour's rate is the design peak.
    """
    if group.peak_arrivals_per_hour > 0:
        return float(group.peak_arrivals_per_hour)
    return float(max(group_hourly_rates(demand, group), default=0.0))


def group_hourly_rates(demand: Demand, group: DemandGroup) -> tuple[float, ...]:
    """Arrival rate per opening hour for the simulation of a day.

    With daily cases: ``daily_cases × profile[h] / Σ profile`` (or evenly over the opening hours),
    as a rate per hour of the slot. With only a peak rate: that rate all day (conservative).
    """
    n, last = _profile_hours(demand, group)
    if group.daily_cases > 0:
        if group.hourly_profile and sum(group.hourly_profile) > 0:
            tot = float(sum(group.hourly_profile))
            return tuple(group.daily_cases * p / tot for p in group.hourly_profile)
        hours = (n - 1) + last
        return tuple(group.daily_cases / hours for _ in range(n))
    return tuple(float(group.peak_arrivals_per_hour) for _ in range(n))


def _matches(group: DemandGroup, w: ServiceWindow) -> bool:
    if w.kind not in group.window_kinds:
        return False
    return not group.domain or w.domain.value == group.domain


def windows_for_group(plan: Plan) -> dict[str, list[ServiceWindow]]:
    """The plan's windows per demand group key.

    A window serves the group whose kinds (and domain, if the group names one) it matches; when more
    than one group matches, a group naming the domain wins, then the first group. No window counts twice.
    """
    groups = plan.demand.groups
    out: dict[str, list[ServiceWindow]] = {g.key: [] for g in groups}
    for w in sorted(plan.all_windows(), key=lambda w: (_num_key(w.number), w.id)):
        cands = [g for g in groups if _matches(g, w)]
        if not cands:
            continue
        specific = [g for g in cands if g.domain]
        out[(specific or cands)[0].key].append(w)
    return out


def _num_key(number: str) -> tuple:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**9, number)


def seats_in_plan(plan: Plan) -> tuple[int, tuple[str, ...]]:
    """Public waiting seats drawn: seats of seat rows not standing in a staff-only zone (and their ids)."""
    total, ids = 0, []
    for f in plan.floors:
        staff = [z for z in f.zones.values() if z.kind.is_staff_only]
        for item in f.furniture.values():
            if item.kind != FurnitureKind.SEAT_ROW or item.seats <= 0:
                continue
            if any(point_in_ring((item.x, item.y), z.polygon.exterior) for z in staff):
                continue
            total += item.seats
            ids.append(item.id)
    return total, tuple(ids)


@dataclass(frozen=True)
class GroupSizing:
    """Sizing of one demand group: the need, what the plan has, and the queue at both counts."""

    group: DemandGroup
    peak_rate: float  #: design peak arrivals per hour
    hourly_rates: tuple[float, ...]
    last_hour_fraction: float
    windows_needed: int
    window_ids: tuple[str, ...]  #: the plan's windows serving this group
    at_need: QueueStats
    at_plan: QueueStats
    seats_needed: int
    simulation: SimulationStats | None = None

    @property
    def windows_in_plan(self) -> int:
        return len(self.window_ids)


@dataclass(frozen=True)
class Sizing:
    """The sizing of a plan (see :func:`size_plan`)."""

    groups: tuple[GroupSizing, ...]
    max_wait_min: float
    seat_margin: float
    shifts: int
    windows_total: int  #: every window drawn in the plan
    windows_needed: int  #: sum over groups
    seats_needed: int
    seats: int
    seat_ids: tuple[str, ...]
    staff_needed: int  #: max(windows needed, windows drawn) × shifts (A/B posts, LA-4.4.1.2)
    staff: int  #: plan.staff_count (0: not stated)


@lru_cache(maxsize=256)
def _cached_sim(windows, rates, mean, cv, days, seed, limit, last):
    return simulate_days(windows, rates, mean, cv, days=days, seed=seed, limit_min=limit, last_hour_fraction=last)


def size_plan(
    plan: Plan, *, simulate: bool = False, days: int = 200, seed: int = 20240619,
    max_wait_min: float | None = None, seat_margin: float | None = None,
    peak_quantile: float = PEAK_WAITING_QUANTILE,
) -> Sizing:
    """Size every demand group of ``plan`` and compare with what is drawn.

    ``simulate`` adds a day simulation at the recommended window count of each group (cached; the
    formulas alone are what the findings use, so checking stays fast and deterministic).
    ``max_wait_min`` and ``seat_margin`` override the plan's ``demand`` values (a rule pack's numbers).
    """
    d = plan.demand
    limit = d.max_wait_min if max_wait_min is None else float(max_wait_min)
    margin = d.seat_margin if seat_margin is None else float(seat_margin)
    per_group = windows_for_group(plan)
    out = []
    for g in d.groups:
        peak = design_peak_rate(d, g)
        rates = group_hourly_rates(d, g)
        _, last = _profile_hours(d, g)
        need = min_windows(peak, g.mean_handling_min, g.handling_cv, limit)
        at_need = queue_stats(need, peak, g.mean_handling_min, g.handling_cv, limit, peak_quantile)
        ws = per_group.get(g.key, [])
        at_plan = queue_stats(len(ws), peak, g.mean_handling_min, g.handling_cv, limit, peak_quantile)
        seats = math.ceil(at_need.peak_waiting * (1.0 + margin) - 1e-9) if need else 0
        sim = None
        if simulate and need > 0 and sum(rates) > 0:
            sim = _cached_sim(need, rates, g.mean_handling_min, g.handling_cv, days, seed, limit, last)
        out.append(GroupSizing(g, peak, rates, last, need, tuple(w.id for w in ws), at_need, at_plan, seats, sim))
    seats, seat_ids = seats_in_plan(plan)
    n_need = sum(x.windows_needed for x in out)
    n_all = len(plan.all_windows())
    shifts = max(1, int(d.shifts))
    return Sizing(
        groups=tuple(out), max_wait_min=limit, seat_margin=margin, shifts=shifts,
        windows_total=n_all, windows_needed=n_need, seats_needed=sum(x.seats_needed for x in out),
        seats=seats, seat_ids=seat_ids, staff_needed=max(n_need, n_all) * shifts, staff=plan.staff_count,
    )


# --------------------------------------------------------------------------------------------
# The recommended window row (for the editor's sizing dialog)
# --------------------------------------------------------------------------------------------
def recommended_window_row(plan: Plan, group_key: str, sizing: Sizing | None = None):
    """One undoable command adding the windows a group lacks (``None`` when none are missing).

    The new windows continue the group's existing row past its last-numbered window (same rotation,
    spacing, kind, domain, counter size and name, numbered after the highest number in use); the
    planner moves them where they fit. A group without windows gets a row
    along the long side of the first window-service zone, the public facing the waiting zone.
    """
    s = sizing if sizing is not None else size_plan(plan)
    gs = next((x for x in s.groups if x.group.key == group_key), None)
    if gs is None or gs.windows_in_plan >= gs.windows_needed or not plan.floors:
        return None
    missing = gs.windows_needed - gs.windows_in_plan
    numbers = [int(d) for d in ("".join(ch for ch in w.number if ch.isdigit()) for w in plan.all_windows()) if d]
    first = max(numbers, default=0) + 1
    g = gs.group
    if gs.window_ids:
        found = [plan.find(i) for i in gs.window_ids]
        floor_id = found[-1][0].id
        ws = [w for f, w in found if f.id == floor_id]
        start, end, last = _continuation(ws, missing)
        # counter properties from a standard window of the row (not the accessible low counter)
        ref = next((w for w in reversed(ws) if not w.low_counter), last)
        ang = math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))
        diff = (ang - last.rotation) % 360.0
        public_side = 1 if min(diff, 360.0 - diff) < 90.0 else -1
        return edits.window_row(
            plan, floor_id, start, end, missing, first_number=first, kind=ref.kind, domain=ref.domain,
            length=ref.length, depth=ref.depth, height=ref.height, public_side=public_side,
            name=ref.name if not ref.low_counter else g.label,
        )
    floor = plan.ground_floor() or plan.floors[0]
    zones = [z for z in floor.zones.values() if z.kind == ZoneKind.WINDOW_SERVICE]
    ring = zones[0].polygon.exterior if zones else floor.outline.exterior
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    waiting = [z for z in floor.zones.values() if z.kind == ZoneKind.WAITING]
    if waiting:
        wr = waiting[0].polygon.exterior
        tx, ty = sum(p[0] for p in wr) / len(wr), sum(p[1] for p in wr) / len(wr)
    else:
        tx, ty = cx, y0 - 1.0
    length = 1.6
    if x1 - x0 >= y1 - y0:
        span = min(x1 - x0 - 0.4, missing * (length + 0.4))
        start, end = (cx - span / 2, cy), (cx + span / 2, cy)
        # public_side +1 puts the public on the left of start→end, i.e. towards +y here
        public_side = 1 if ty > cy else -1
    else:
        span = min(y1 - y0 - 0.4, missing * (length + 0.4))
        start, end = (cx, cy - span / 2), (cx, cy + span / 2)
        public_side = 1 if tx < cx else -1  # left of +y is −x
    kind = g.window_kinds[0] if g.window_kinds else WindowKind.UNIVERSAL
    domain = Domain(g.domain) if g.domain in {d.value for d in Domain} else Domain.NONE
    return edits.window_row(plan, floor.id, start, end, missing, first_number=first, kind=kind, domain=domain,
                            length=length, public_side=public_side, name=g.label)


def _continuation(ws: list[ServiceWindow], count: int):
    """(start, end, last window) of ``count`` windows continuing the row ``ws`` (ordered by number)
    past its last window, at the row's spacing (or counter length + 0.4 m for a single window)."""
    last, prev = ws[-1], (ws[-2] if len(ws) >= 2 else None)
    r = math.radians(last.rotation)
    along = (math.cos(r), math.sin(r))
    spacing = last.length + 0.4
    if prev is not None:
        dx, dy = last.x - prev.x, last.y - prev.y
        d = math.hypot(dx, dy)
        if d > 1e-6:
            spacing = d
            sign = 1.0 if dx * along[0] + dy * along[1] >= 0 else -1.0
            along = (along[0] * sign, along[1] * sign)
    start = (last.x + along[0] * spacing / 2, last.y + along[1] * spacing / 2)
    end = (start[0] + along[0] * spacing * count, start[1] + along[1] * spacing * count)
    return start, end, last

