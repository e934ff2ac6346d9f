"""Page load to first answer in the chat app, cold and warm, in a real Chromium.

Cold: a new server process, so the first page load imports the stack, opens the index and
loads the embedding model. Warm: a second page on the same server. Each prints the time to the
first status line, to the chat box, and from Enter to the answer shown; and, for scale, the
model load alone in a fresh process, as a share of the cold start.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
CHROMIUM_ARGS += ["--disable-background-networking", "--disable-component-update"]
QUESTION = "How many children were on a child protection plan?"
MODEL_LOAD = """
import json, time
t0 = time.perf_counter()
from index.embedder import get_embedder
get_embedder().embed(["warm up"])
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(index_dir: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "streamlit_app.py")]
    command += ["--server.port", str(port), "--server.headless", "true"]
    command += ["--server.enableStaticServing", "true"]
    env = {**os.environ, "OFSTED_QA_INDEX_DIR": index_dir}
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not start")


def _one_page(browser, url: str) -> dict[str, float]:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 900})
    t0 = time.perf_counter()
    page.goto(url, timeout=120_000)
    status = page.get_by_text("Loading the index")
    box = page.get_by_test_id("stChatInputTextArea")
    # Either the status line or (warm) the chat box is the first sign of life.
    expect(status.or_(box).first).to_be_visible(timeout=120_000)
    first_sign = time.perf_counter() - t0
    expect(box).to_be_visible(timeout=120_000)
    ready = time.perf_counter() - t0
    box.fill(QUESTION)
    t1 = time.perf_counter()
    box.press("Enter")
    cited = page.get_by_text("[1] Unnumbered").first
    expect(page.get_by_text("Searching").or_(cited).first).to_be_visible(timeout=120_000)
    searching = time.perf_counter() - t1
    expect(cited).to_be_visible(timeout=120_000)
    answered = time.perf_counter() - t1
    page.close()
    return {
        "status": first_sign,
        "ready": ready,
        "searching": searching,
        "answer": answered,
        "total": ready + answered,
    }


def bench_page(index_dir: str) -> None:
    """Print cold and warm page-load-to-answer times and the model's share of the cold one."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if not Path(CHROMIUM).exists() or sync_playwright is None:
        print("page load to first answer: skipped (needs Debian's chromium and the dev extras)")
        return

    proc, url = _start_server(index_dir)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            cold = _one_page(browser, url)
            warm = _one_page(browser, url)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    out = subprocess.run(
        [sys.executable, "-c", MODEL_LOAD], capture_output=True, text=True, check=True, cwd=ROOT
    )
    model = json.loads(out.stdout.strip().splitlines()[-1])["seconds"]
    for label, m in (("cold", cold), ("warm", warm)):
        print(
            f"page load to first answer, {label}: {m['total']:.1f} s (status shown at "
            f"{m['status']:.2f} s, chat ready at {m['ready']:.1f} s; from Enter, 'Searching…' "
            f"at {m['searching']:.2f} s and the answer with its citation at {m['answer']:.2f} s)"
        )
    print(
        f"  cold / warm = {cold['total'] / warm['total']:.1f}; loading the model alone in a "
        f"fresh process (imports included) {model:.1f} s = {model / cold['ready']:.0%} of the "
        f"cold page's wait for the chat box"
    )
