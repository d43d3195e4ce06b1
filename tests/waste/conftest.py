"""Small named fixtures: a CSV of two streams that balance, one that does not."""

from __future__ import annotations

import pytest

HEADER = ("stream,year,area,ewc_code,generated_t,collected_t,reuse_t,recycling_t,composting_t,energy_recovery_t,"
          "incineration_t,landfill_t,other_t,uncontrolled_t,from_storage_t,source,quality\n")

GOOD_CSV = (HEADER
            # 1000 t: (10+300+90)/1000 = 40 % recycling; 200 energy -> 20 %; 350 landfill -> 35 %
            + "residual household waste,2021,household,200301,1000,980,10,300,90,200,0,350,0,0,0,Test report,measured\n"
            # 1200 t: (0+540+0)/1200 = 45 %; landfill 480/1200 = 40 %
            + "residual household waste,2022,household,200301,1200,1200,0,540,0,180,0,480,0,0,0,Test report,estimated\n"
            # industrial: (600+100+200)/(800+200) = 90 % utilisation
            + "fly ash,2022,industrial,100102,800,,0,600,0,100,0,100,0,0,200,Bureau estimate,estimated\n").encode()

BAD_CSV = (HEADER
           + "a,2022,household,,100,,0,60,0,0,0,50,0,0,0,,measured\n"
           + "b,2022,space,,100,,0,10,0,0,0,10,0,0,0,,measured\n"
           + "c,2022,household,999999,100,,0,10,0,0,0,10,0,0,0,,measured\n"
           + "d,2022,household,,100,,-5,10,0,0,0,10,0,0,0,,measured\n").encode()


@pytest.fixture
def good_csv():
    return GOOD_CSV


@pytest.fixture
def bad_csv():
    return BAD_CSV


@pytest.fixture
def stream(city, owner):
    from circularcities.waste.services import stream_write

    s, _ = stream_write(city=city, user=owner, fields={
        "name": "residual household waste", "area": "household", "year": 2022, "generated_t": 1000,
        "recycling_t": 400, "landfill_t": 500, "source": "test", "quality": "measured"})
    return s
