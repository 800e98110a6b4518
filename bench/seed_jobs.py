#!/usr/bin/env python3
"""Seeds a DocExtract SQLite database with N finished and unfinished jobs for load tests.

Rows are written straight into the jobs table (the API would take minutes to create 100,000 jobs
and the workers hours to finish them); they look like real jobs: a mix of statuses, confidences,
processing times, pages, credits, error codes, metadata and created_at spread over 90 days.
"""
import json
import random
import sqlite3
import sys
import time

db, org_id, extractor_id, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
random.seed(7)
now = int(time.time() * 1000)
con = sqlite3.connect(db)
con.execute("PRAGMA journal_mode=WAL")
rows = []
for i in range(count):
    created = now - random.randint(0, 90 * 86400 * 1000)
    status = random.choices(["completed", "failed", "queued", "processing"], [90, 6, 3, 1])[0]
    done = status in ("completed", "failed")
    started = created + random.randint(10, 2000) if status != "queued" else None
    completed = started + random.randint(300, 9000) if done else None
    conf = {"invoice_number": round(random.uniform(0.5, 1), 3), "total_amount": round(random.uniform(0.5, 1), 3)}
    data = {"invoice_number": f"INV-{i}", "total_amount": round(random.uniform(5, 5000), 2)}
    completed_ok = status == "completed"
    job_id = "job_seed%018d" % i
    rows.append((
        job_id, org_id, extractor_id, 1, status, 0, "application/pdf", f"doc-{i}.pdf", 100_000, None,
        random.randint(1, 4) if completed_ok else None,
        json.dumps(data) if completed_ok else None,
        json.dumps(conf) if completed_ok else None,
        min(conf.values()) if completed_ok else None,
        sum(conf.values()) / 2 if completed_ok else None,
        "{}" if completed_ok else None, "[]" if completed_ok else None,
        (completed - started) if done else None,
        2 if completed_ok else 0,
        random.choice(["document_unreadable", "document_corrupt", "document_encrypted"]) if status == "failed" else None,
        json.dumps({"customer_id": "cust_%d" % random.randint(1, 200), "source": random.choice(["email", "api", "scan"])}),
        1 if status != "queued" else 0, created, created, started, completed,
    ))
con.executemany(
    """INSERT INTO jobs (id, org_id, extractor_id, extractor_version, status, test_mode, mime_type, filename,
           file_size_bytes, blob_key, page_count, extracted_data, confidence, confidence_score, mean_confidence,
           field_locations, warnings, processing_time_ms, cost_credits, error_code, metadata, attempts, run_after,
           created_at, started_at, completed_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
    rows,
)
con.commit()
print(f"seeded {count} jobs")
