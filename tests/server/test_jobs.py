"""The job queue: bounded (503 + Retry-After when full, nothing half-stored), restart-safe."""

from __future__ import annotations


def test_a_full_queue_answers_503_with_retry_after_and_stores_nothing(make_app):
    app = make_app(WORKERS=0, QUEUE_SIZE=2)  # no worker drains the queue
    client = app.test_client()
    auth = {"Authorization": f"Bearer {app.config['_TOKEN']}"}
    accepted = [client.post("/api/analyses", json={"url": f"https://x{i}.example/"},
                            headers=auth) for i in range(2)]  # fmt: skip
    assert [a.status_code for a in accepted] == [202, 202]
    refused = client.post("/api/analyses", json={"url": "https://x3.example/"}, headers=auth)
    assert refused.status_code == 503
    assert refused.json["error"]["code"] == "busy"
    assert int(refused.headers["Retry-After"]) >= 1
    for a in accepted:
        answer = client.get(f"/api/analyses/{a.json['id']}", headers=auth).json
        assert answer["status"] == "queued" and answer["stage"] == "queued"
    from server import store

    conn = store.connect(app.config["DB_PATH"])
    assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 2
    conn.close()


def test_a_job_interrupted_by_a_restart_is_marked_failed(make_app):
    first = make_app(WORKERS=0)
    auth = {"Authorization": f"Bearer {first.config['_TOKEN']}"}
    started = first.test_client().post("/api/analyses", json={"url": "https://x.example/"},
                                       headers=auth)  # fmt: skip
    analysis_id = started.json["id"]
    second = make_app(DATA_DIR=first.config["DATA_DIR"])  # the same data dir: a restart
    answer = second.test_client().get(f"/api/analyses/{analysis_id}", headers=auth).json
    assert answer["status"] == "failed"
    assert answer["error"] == {"code": "interrupted", "action": "retry",
                               "message": "interrupted by a restart; run it again"}  # fmt: skip
