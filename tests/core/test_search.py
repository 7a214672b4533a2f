from facilitator_app.core.members.search import PeopleIndex

ROWS = [
    {"id": "1", "surname": "Rossi", "first_name": "Mario", "badge_code": "ACD34", "external_id": "X-77"},
    {"id": "2", "surname": "Rossetti", "first_name": "Anna", "badge_code": "KMN67"},
    {"id": "3", "surname": "D'Angelo", "first_name": "Chiara", "badge_code": "PQR99"},
    {"id": "4", "surname": "Nguyễn", "first_name": "Thị Lan", "badge_code": "TUV33"},
    {"id": "5", "surname": "De Rossi", "first_name": "Luca"},
]


def test_prefix_of_surname_narrows():
    idx = PeopleIndex(ROWS)
    assert idx.match("ros") == ["1", "2", "5"]
    assert idx.match("ross mar") == ["1"]


def test_accents_case_apostrophes():
    idx = PeopleIndex(ROWS)
    assert idx.match("NGUYEN") == ["4"]
    assert idx.match("angelo") == ["3"]
    assert idx.match("d'ang") == ["3"]


def test_badge_and_external_id():
    idx = PeopleIndex(ROWS)
    assert idx.match("kmn67") == ["2"]
    assert idx.match("x-77") == ["1"]
    assert idx.match("acd") == ["1"]


def test_empty_query_returns_all_and_pool_order_is_kept():
    idx = PeopleIndex(ROWS)
    assert idx.match("  ") == ["1", "2", "3", "4", "5"]
    assert idx.match("ros", ids=["5", "1"]) == ["5", "1"]


def test_updates_and_removals():
    idx = PeopleIndex(ROWS)
    idx.put({"id": "1", "surname": "Bianchi", "first_name": "Mario"})
    idx.remove("2")
    assert idx.match("ros") == ["5"]
