"""The seeds are immutable: their bytes are pinned."""

import hashlib

import pytest

from helpers.paths import SEEDS_DIR

SEED_SHA256 = {
    "000_31b84bafc8491eae.txt": "e5bc872ec628957d83a2ad53f75fd8ee1f684c6868227cf8f04473a32b4fca62",
    "001_63a3806cb3729def.txt": "1c5586059ac716ec41a1fab73cfccf70fc3fde35f4d451f440789a0990af5b22",
    "002_abe042436c6ac159.txt": "0ffb342c0bb06de72d45c6c6df14b941f2b080ef57d6525309fadd5c5821f5dd",
    "003_94a2c1ee15b4eb4f.txt": "0329ffcd252f9c0bc9471f31605e93970da740d84f48dc14e86b966c4ff2a165",
    "004_877ec1ab4ab282fc.txt": "e2efbe1dd57dfe8c56f812337a64fb93880b4c68a6335344c958c5b53b9a089a",
    "sources.csv": "7d4332eb93549e5c09f073e6e65a146e337819df093811aa5fff99853e2f2ad7",
    "README.md": "3cc6a89e46c5d966f5807ee88f506c9a0e152658c15989524a8e74b7e3aa5ef1",
}


@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_bytes_are_pinned(name):
    assert hashlib.sha256((SEEDS_DIR / name).read_bytes()).hexdigest() == SEED_SHA256[name]


def test_no_other_files_in_seeds():
    assert sorted(p.name for p in SEEDS_DIR.iterdir()) == sorted(SEED_SHA256)
