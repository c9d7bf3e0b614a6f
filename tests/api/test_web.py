"""The web page's files: served by Flask from the package, no CDN, and a favicon."""
import re


def test_page_loads_its_own_scripts_and_styles_only(client):
    page = client.get("/").data.decode()
    assets = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert "/static/app.js" in assets and "/static/app.css" in assets
    assert all(a.startswith("/") for a in assets)  # nothing from another host
    for asset in ("app.js", "result.js", "highlight.js", "app.css"):
        with client.get(f"/static/{asset}") as res:  # file responses must be closed
            assert res.status_code == 200


def test_favicon_is_an_icon(client):
    with client.get("/favicon.ico") as res:
        assert res.status_code == 200 and res.mimetype == "image/vnd.microsoft.icon"
        assert res.data[:4] == b"\x00\x00\x01\x00"  # ICO header
