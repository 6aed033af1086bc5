"""Reading files: encodings, binary and empty files, HTML, size limit."""

import pytest

from helpers.ingest import article_ids, decode_bytes, read_document

BG = "Руският президент Владимир Путин обсъди сигурността с лидера на хунтата в Мали по телефона в сряда."
FR = "Le président a été reçu à l'Élysée mercredi, où il a évoqué la coopération économique et sécuritaire."
RO = "Ministrul rus de externe, Serghei Lavrov, și-a primit omologul malian la Moscova; relațiile se întăresc."
RU = "Президент России Владимир Путин провёл телефонный разговор с лидером Мали Ассими Гоитой в среду."
AR = "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع رئيس مالي أسيمي غويتا يوم الأربعاء."


@pytest.mark.parametrize(
    ("text", "encoding", "expected_family"),
    [
        pytest.param(BG, "utf-8", "utf_8", id="utf8-bg"),
        pytest.param(BG, "utf-8-sig", "utf_8_sig", id="utf8-bom-bg"),
        pytest.param(BG, "utf-16", "utf_16", id="utf16-bom-bg"),
        pytest.param(BG, "utf-16-le", "utf_16", id="utf16le-nobom-bg"),
        pytest.param(BG, "cp1251", "cp1251", id="windows1251-bg"),
        pytest.param(RU, "cp1251", "cp1251", id="windows1251-ru"),
        pytest.param(FR, "cp1252", "cp1252", id="windows1252-fr"),
        pytest.param(FR, "latin-1", "cp1252", id="latin1-fr"),
        pytest.param(AR, "utf-8", "utf_8", id="utf8-ar"),
        pytest.param(RO, "utf-16-be", "utf_16", id="utf16be-nobom-ro"),
    ],
)
def test_decode_encodings(text, encoding, expected_family):
    decoded, detected, reason = decode_bytes(text.encode(encoding))
    assert reason == ""
    assert decoded == text
    assert detected.startswith(expected_family[:5]) or detected in {"latin_1", "iso8859_15"}


@pytest.mark.parametrize(
    ("data", "reason_part"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\t \r\n", "empty", id="whitespace-only"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 40, "binary", id="png-bytes"),
        pytest.param(bytes(range(256)) * 8, "binary", id="all-bytes"),
    ],
)
def test_decode_rejects_with_reason(data, reason_part):
    decoded, _, reason = decode_bytes(data)
    assert decoded is None
    assert reason_part in reason


def test_nfc_normalisation():
    decomposed = "Goi\u0308ta"  # i + combining diaeresis
    decoded, _, _ = decode_bytes(decomposed.encode("utf-8"))
    assert decoded == "Goïta"


def test_html_goes_through_trafilatura(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Lavrov meets Diop</title><meta property='og:site_name' content='Example News'>"
        "<meta name='date' content='2025-04-03'></head><body><nav>Home | World | Africa</nav>"
        "<article><h1>Lavrov meets Diop</h1><p>Russian Foreign Minister Sergei Lavrov received his Malian "
        "counterpart Abdoulaye Diop in Moscow on Thursday, the ministry said.</p><p>The two ministers discussed "
        "military cooperation and the situation in the Sahel region at length.</p></article>"
        "<footer>© Example News 2025</footer></body></html>", encoding="utf-8")
    doc = read_document(page, "page")
    assert doc.status == "ok" and doc.kind == "html"
    assert "Lavrov received his Malian counterpart" in doc.text
    assert "Home | World" not in doc.text
    assert doc.html_meta["title"] == "Lavrov meets Diop"
    assert doc.html_meta["date"].startswith("2025-04-03")


def test_size_limit_skips_with_reason(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    doc = read_document(big, "big", max_file_mb=1)
    assert doc.status == "skipped"
    assert "1.5 MB" in doc.status_reason and "max_file_mb" in doc.status_reason
    assert doc.sha256  # still hashed for the record


def test_article_id_clash_keeps_suffix(tmp_path):
    a, b, c = tmp_path / "x.txt", tmp_path / "x.html", tmp_path / "y.txt"
    assert article_ids([a, b, c]) == {a: "x.txt", b: "x.html", c: "y"}
