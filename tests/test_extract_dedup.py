"""Wire copy republished by several sites is one cluster; `articles --dedup` shows it once."""

from __future__ import annotations

from dateline.cli import main
from dateline.extract.dedup import choose_cluster, containment, signature
from dateline.query import ArticleQuery
from dateline.store import open_store

WIRE = [
    "The central bank raised its main interest rate by half a percentage point on Thursday, "
    "the largest increase in more than two decades, as it tries to bring down inflation.",
    "The governor told reporters that further increases could follow if prices kept rising "
    "faster than wages over the coming months.",
    "Economists had expected a smaller move, and the national currency rose sharply against "
    "the dollar after the announcement was made in the capital.",
    "Business groups warned that higher borrowing costs would hurt small firms that are still "
    "recovering from the pandemic and from last winter's energy crisis.",
    "The bank said its next decision on rates would be announced in six weeks, after new "
    "figures on employment and consumer prices are published.",
]
OTHER = [
    "Heavy rain flooded dozens of villages in the north of the country over the weekend, "
    "forcing thousands of families to leave their homes for emergency shelters.",
    "Rescue teams used boats to reach people trapped on rooftops, and the army sent "
    "helicopters with food, water and medicine to the worst hit districts.",
    "Forecasters said more storms were expected later in the week, and officials urged "
    "residents near the river to move to higher ground while they still could.",
]


def _page(title: str, paragraphs: list[str], site: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title} | {site}</title></head><body><nav><a href='/'>Home</a>"
            f"</nav><article><h1>{title}</h1>{body}</article><footer>(c) {site}</footer>"
            "</body></html>")


def test_signatures_measure_how_much_of_the_shorter_text_is_shared():
    full = signature(" ".join(WIRE))
    trimmed = signature(" ".join(WIRE[:4]) + " Our own reporter added this line to the story.")
    other = signature(" ".join(OTHER))
    assert full and trimmed and other
    assert containment(full, trimmed) > 0.8
    assert containment(full, other) < 0.2
    assert signature("Too short to compare.") is None
    rows = [{"article_id": "a", "cluster_id": "a", "shingles": full.shingles,
             "minhash": full.minhash.hex()}]
    assert choose_cluster("b", trimmed, rows) == "a"
    assert choose_cluster("c", other, rows) == "c"


def test_republished_wire_story_is_one_cluster(tmp_path, capsys):
    corpus = tmp_path / "pages"
    corpus.mkdir()
    (corpus / "a.html").write_text(_page("Bank raises rates", WIRE, "Daily One"))
    (corpus / "b.html").write_text(_page("Central bank in biggest rise for decades",
                                         ["Our correspondent reports from the capital."] + WIRE,
                                         "Evening Two"))
    (corpus / "c.html").write_text(_page("Rates up again", WIRE[:4], "Weekly Three"))
    (corpus / "d.html").write_text(_page("Floods in the north", OTHER, "Daily One"))
    db = tmp_path / "d.db"
    assert main(["ingest", str(corpus), "--db", str(db), "--workers", "1"]) == 0
    store = open_store(str(db))
    rows = store.articles(ArticleQuery(limit=None))
    unique = store.articles(ArticleQuery(limit=None, dedup=True))
    store.close()
    clusters = {r["source"].rsplit("/", 1)[1]: r["cluster_id"] for r in rows}
    assert clusters["a.html"] == clusters["b.html"] == clusters["c.html"]
    assert clusters["d.html"] not in (None, clusters["a.html"])
    assert len(unique) == 2
    capsys.readouterr()
    # ingesting again changes nothing, clusters included
    assert main(["ingest", str(corpus), "--db", str(db), "--workers", "1"]) == 0
    store = open_store(str(db))
    again = {r["source"].rsplit("/", 1)[1]: r["cluster_id"]
             for r in store.articles(ArticleQuery(limit=None))}
    store.close()
    assert again == clusters
