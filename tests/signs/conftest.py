from __future__ import annotations

import dataclasses

import pytest

from hallplan.io.planfile import load
from tests.conftest import PLANS

LONG_SERVICES = (
    "社会保障卡申领、补换、挂失；城乡居民基本养老保险参保登记、待遇申领；城乡居民医疗保险参保缴费、"
    "异地就医备案；就业失业登记、灵活就业人员社保补贴申领；退役军人优待证办理；残疾人证新办、换领、迁移；"
    "最低生活保障、特困人员救助供养申请；临时救助；高龄津贴；殡葬补贴；婚姻登记预约；户籍业务咨询"
)
LONG_NAME = "城乡居民社会保障与医疗保险暨退役军人事务及残疾人服务综合受理窗口"


@pytest.fixture
def town():
    return load(PLANS / "town_centre.hallplan")


@pytest.fixture
def long_plan(town):
    """The town sample with window 2 given a very long name and service list."""
    f = town.floors[0]
    w = next(w for w in f.windows.values() if w.number == "2")
    f.windows[w.id] = dataclasses.replace(w, name=LONG_NAME, services=LONG_SERVICES)
    w3 = next(w for w in f.windows.values() if w.number == "3")
    f.windows[w3.id] = dataclasses.replace(w3, services="社保卡、医保、养老保险")
    return town
