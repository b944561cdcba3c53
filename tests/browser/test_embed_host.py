"""A portal on another origin embeds the wizard with the documented snippet (issue #5).

Each test serves a host page from a second loopback server (another port) that embeds the
built site's wizard through embed.js, or a plain iframe, and checks what the contract on the
page "Embedding the wizard" promises: presets applied, locked answers unchangeable, the result
event with the engine's own result from the guide's origin, a height that settles on the
content, forged messages ignored, heights clamped, and a wizard that works with its storage
blocked, in a sandbox and under a cross-origin isolated host.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from embed_support import (  # noqa: F401  (fixtures, registered by name)
    CHROMIUM,
    RESIZE,
    RESULT,
    as_json,
    embed_context_fixture,
    forged_result,
    frame_height,
    guide_fixture,
    guide_frame,
    guide_origin_fixture,
    host_fixture,
    host_page_fixture,
    messages,
    snippet,
    wait_for_event,
    wait_for_events,
    wait_for_settled_height,
)
from jsonschema import Draft202012Validator
from wizard_support import READY_MS, canonical, questions, serve

from wizard.dataset import load_bundle
from wizard.engine import evaluate
from wizard.engine.query import to_query
from wizard.site import embed_contract

pytestmark = pytest.mark.browser

# The persistent profile's browser runs with the flags of the session's (conftest.py).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"]

PRESETS = {
    "code_author": "users",
    "regions": ["eu-west-1", "eu-central-1"],
    "architecture": "arm64",
}
ANSWERS = "code_author=users&regions=eu-west-1,eu-central-1&architecture=arm64"
LOCKED = ["code_author", "regions"]


@pytest.fixture(scope="module")
def expected() -> dict:
    """The CPython engine's result for the presets, as JSON carries it."""
    return as_json(evaluate(canonical(PRESETS, questions()), load_bundle()))


# --- presets, locks, hidden questions ---


def test_presets_apply_and_locked_answers_cannot_change(host, host_page, guide):
    host_page.goto(
        host.page(snippet(guide, answers=ANSWERS, locked=",".join(LOCKED), hidden="gpu"))
    )
    first = wait_for_events(host_page)[0]
    frame = guide_frame(host_page, guide)
    locked = canonical({key: PRESETS[key] for key in LOCKED}, questions())

    # The presets are the answers, shown in the form; the hidden question is not shown.
    assert first["answers"] == canonical(PRESETS, questions())
    assert frame.is_checked("input[name='code_author'][value='users']")
    assert frame.is_checked("input[name='regions'][value='eu-west-1']")
    assert frame.is_checked("input[name='architecture'][value='arm64']")
    assert frame.locator("#q-gpu").is_hidden()
    assert frame.locator("#q-code_author").is_visible()

    # Locked: disabled, and neither the input nor its label takes a click.
    assert frame.is_disabled("input[name='code_author'][value='agent']")
    assert frame.is_enabled("input[name='architecture'][value='x86_64']")
    frame.click("input[name='code_author'][value='agent']", force=True)
    frame.click("label:has(input[name='regions'][value='us-east-1'])", force=True)
    assert frame.is_checked("input[name='code_author'][value='users']")
    assert not frame.is_checked("input[name='regions'][value='us-east-1']")

    # An open answer changes; the locked ones stay in the result.
    frame.check("input[name='architecture'][value='x86_64']")
    changed = wait_for_event(host_page, "e => e.answers.architecture === 'x86_64'")
    assert {key: changed["answers"][key] for key in locked} == locked

    # "Clear every answer" clears the rest and keeps what is locked.
    frame.click("button[type='reset']")
    cleared = wait_for_event(host_page, "e => !('architecture' in e.answers)")
    assert cleared["answers"] == locked

    # Not even the address changes a locked answer (Back/Forward, a pasted link).
    frame.evaluate(
        """() => {
          history.pushState(null, "", location.pathname + "?code_author=agent");
          dispatchEvent(new PopStateEvent("popstate"));
        }"""
    )
    frame.wait_for_function(
        "() => document.querySelector(\"input[name='code_author'][value='users']\").checked"
    )
    host_page.wait_for_timeout(500)
    sent = host_page.evaluate("window.events")
    assert all(event["answers"]["code_author"] == "users" for event in sent)

    # No "try these answers" link leads to another locked answer.
    for href in frame.eval_on_selector_all(
        "a[data-wizard-answers]", "links => links.map((link) => link.href)"
    ):
        assert "code_author=users" in href, href


# --- the result event ---


def test_the_result_event_carries_the_engine_result_to_the_declared_origin(
    host, host_page, guide, guide_origin, built_site, expected
):
    host_page.goto(host.page(snippet(guide, answers=ANSWERS)))
    detail = wait_for_events(host_page)[0]

    # The payload: the CPython engine's very result, and the contract's fields around it.
    schema = json.loads((built_site.site_dir / embed_contract.SCHEMA_PATH).read_text())
    Draft202012Validator(schema).validate(detail)
    assert detail["type"] == RESULT
    assert detail["version"] == embed_contract.VERSION
    assert detail["result"] == expected
    assert detail["recommendation"] == expected["recommendation"]
    assert detail["answers"] == canonical(PRESETS, questions())
    assert detail["query"] == to_query(canonical(PRESETS, questions())).lstrip("?")
    assert detail["url"] == f"{guide}wizard/" + to_query(
        canonical(PRESETS, questions()), expected["data_version"], expected["recommendation"]
    )
    assert detail["warnings"] == [warning["id"] for warning in expected["warnings"]]

    # It came from the guide's origin, from the embed's own iframe, addressed to this origin.
    sent = messages(host_page, RESULT)
    assert sent, "no result message reached the host"
    assert all(message["origin"] == guide_origin and message["fromGuide"] for message in sent)
    frame = guide_frame(host_page, guide)
    assert f"origin={quote(host.origin, safe='')}" in frame.url


def test_no_message_goes_to_an_origin_the_host_did_not_declare(host, host_page, guide):
    # The page declares another origin than its own: the wizard works, nothing reaches it.
    host_page.goto(host.page(snippet(guide, answers=ANSWERS, host_origin="http://127.0.0.1:9")))
    frame = guide_frame(host_page, guide)
    frame.wait_for_selector(
        "#wizard-result[data-state='ready']", state="attached", timeout=READY_MS
    )
    host_page.wait_for_timeout(500)
    assert host_page.evaluate("window.messages") == []
    assert host_page.evaluate("window.events") == []
    assert frame_height(host_page) == embed_contract.MIN_HEIGHT


# --- the height ---

HEIGHT_100 = (
    "<style>html, body, main, #guide { height: 100%; margin: 0 } "
    "iframe { height: 100% !important }</style>"
)


@pytest.mark.parametrize(
    ("head", "width"),
    [("", 1280), (HEIGHT_100, 1280), (HEIGHT_100, 600)],
    ids=["plain", "height-100%", "height-100%-narrow"],
)
def test_the_height_settles_on_the_content(host, host_page, guide, head, width):
    host_page.set_viewport_size({"width": width, "height": 800})
    host_page.goto(host.page(snippet(guide, answers=ANSWERS), head=head))
    wait_for_events(host_page)
    frame = guide_frame(host_page, guide)

    def check_settled() -> None:
        height = wait_for_settled_height(host_page)
        content = frame.evaluate(
            "Math.ceil(document.querySelector('.md-container').getBoundingClientRect().height)"
        )
        assert abs(height - content) <= 1, (height, content)
        assert embed_contract.MIN_HEIGHT < height < embed_contract.MAX_HEIGHT
        # Nothing scrolls inside the frame, and the height stops changing.
        assert frame.evaluate("document.documentElement.scrollHeight <= innerHeight + 1")
        count = len(messages(host_page, RESIZE))
        host_page.wait_for_timeout(1500)
        assert len(messages(host_page, RESIZE)) == count
        assert frame_height(host_page) == height

    check_settled()

    # Another result: the height follows the content, and settles again.
    frame.check("input[name='os_features'][value='docker']")
    wait_for_event(host_page, "e => (e.answers.os_features || []).includes('docker')")
    check_settled()


# --- forged messages and clamped heights ---


def test_forged_messages_from_other_frames_are_ignored(host, host_page, guide):
    others = (
        f'<iframe class="other" title="Another frame" src="{host.page("")}"></iframe>\n'
        f'<iframe class="other" title="A guide page" src="{guide}404.html"></iframe>'
    )
    host_page.goto(host.page(snippet(guide, answers=ANSWERS) + others))
    wait_for_events(host_page)
    height = wait_for_settled_height(host_page)
    count = len(host_page.evaluate("window.events"))
    resize = {"type": RESIZE, "version": "1.0.0", "height": 50_000, "forged": True}

    # From a frame of the host's origin, from a frame of the guide's own origin that is not the
    # embed's iframe, and from the host window itself.
    senders = [frame for frame in host_page.frames if frame.parent_frame is not None]
    senders = [frame for frame in senders if not frame.url.startswith(f"{guide}embed/")]
    assert len(senders) == 2, [frame.url for frame in host_page.frames]
    for sender in senders:
        sender.evaluate(
            "([result, resize]) => { parent.postMessage(result, '*');"
            " parent.postMessage(resize, '*'); }",
            [forged_result(), resize],
        )
    host_page.evaluate(
        "([result, resize]) => { postMessage(result, '*'); postMessage(resize, '*'); }",
        [forged_result(), resize],
    )
    host_page.wait_for_function(
        "() => window.messages.filter((m) => m.data && m.data.forged).length >= 6"
    )
    host_page.wait_for_timeout(300)

    events = host_page.evaluate("window.events")
    assert len(events) == count
    assert not any(event.get("forged") for event in events)
    assert frame_height(host_page) == height


def test_heights_are_clamped(host, host_page, guide):
    host_page.goto(host.page(snippet(guide, answers=ANSWERS, min_height="400", max_height="1000")))
    wait_for_events(host_page)
    frame = guide_frame(host_page, guide)

    # The content is taller than the maximum: the frame stops there and scrolls inside.
    assert wait_for_settled_height(host_page) == 1000
    assert frame.evaluate("document.documentElement.scrollHeight > innerHeight")

    def ask(data: dict, expected: float) -> None:
        # Sent from inside the real iframe, so only the clamp (not the source check) holds it.
        marker = len(host_page.evaluate("window.messages"))
        frame.evaluate("([data, origin]) => parent.postMessage(data, origin)", [data, host.origin])
        host_page.wait_for_function("n => window.messages.length > n", arg=marker)
        host_page.wait_for_timeout(100)
        assert frame_height(host_page) == expected, data

    ask({"type": RESIZE, "version": "1.0.0", "height": 10**9}, 1000)
    ask({"type": RESIZE, "version": "1.0.0", "height": 3}, 400)
    ask({"type": RESIZE, "version": "1.0.0", "height": "900"}, 400)
    ask({"type": RESIZE, "version": "2.0.0", "height": 900}, 400)
    ask({"type": RESIZE, "version": "1.7.0", "height": 900}, 900)


# --- hosts that restrict the frame ---


def test_the_wizard_works_with_its_storage_blocked(browser, host, guide, tmp_path):
    # Chromium's own setting "block third-party cookies" (which also denies third-party
    # storage), with the host on localhost and the guide on 127.0.0.1: two different sites.
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    preferences = {"profile": {"block_third_party_cookies": True, "cookie_controls_mode": 1}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    context = browser.browser_type.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_FLAGS
    )
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        url = host.page(snippet(guide, answers=ANSWERS, locked="code_author"))
        page.goto(url.replace("127.0.0.1", "localhost"))

        detail = wait_for_events(page)[0]
        assert detail["answers"] == canonical(PRESETS, questions())
        frame = guide_frame(page, guide)
        denied = "() => { try { localStorage.length; return false; } catch { return true; } }"
        assert frame.evaluate(denied), "the test meant to block the frame's storage"
        assert not page.evaluate(denied), "the host's own storage should work"
        assert frame.is_disabled("input[name='code_author'][value='agent']")

        # Answers still change, and the state is in the frame's address.
        frame.check("input[name='gpu'][value='yes']")
        wait_for_event(page, "e => e.answers.gpu === true")
        assert "gpu=yes" in frame.url
        assert errors == []
    finally:
        context.close()


def test_a_plain_iframe_works_in_the_documented_sandbox(host, host_page, guide, guide_origin):
    tokens = " ".join(token for token, _ in embed_contract.SANDBOX_TOKENS)
    source = f"{guide}embed/?{ANSWERS}&locked=code_author&origin={quote(host.origin, safe='')}"
    body = f"""
<iframe class="guide" sandbox="{tokens}" title="The decision wizard" src="{source}"
        style="display: block; width: 100%; height: 2400px; border: 0"></iframe>
<script>
  window.addEventListener("message", (event) => {{
    const frame = document.querySelector("iframe.guide");
    if (event.source !== frame.contentWindow) return;
    if (event.origin !== "{guide_origin}") return;
    if (event.data.type === "{RESULT}") window.events.push(event.data);
  }});
</script>"""
    host_page.goto(host.page(body))
    detail = wait_for_events(host_page)[0]
    assert detail["answers"] == canonical(PRESETS, questions())
    frame = guide_frame(host_page, guide)
    assert frame.is_disabled("input[name='code_author'][value='agent']")


def test_a_cross_origin_isolated_host_embeds_with_the_documented_headers(
    browser, host, built_site
):
    isolated = {"Cross-Origin-Opener-Policy": "same-origin"}
    isolated["Cross-Origin-Embedder-Policy"] = "require-corp"
    opted_in = {
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Cross-Origin-Embedder-Policy": "require-corp",
    }
    context = browser.new_context()
    try:
        # Without Cross-Origin-Resource-Policy the isolated host cannot even load embed.js.
        with serve(built_site.root) as plain:
            page = context.new_page()
            page.goto(host.page(snippet(f"{plain}{built_site.prefix}"), headers=isolated))
            assert page.evaluate("crossOriginIsolated")
            page.wait_for_timeout(500)
            assert page.evaluate("document.querySelector('#guide iframe')") is None
            page.close()

        # With the documented headers on the guide's responses, it works.
        with serve(built_site.root, headers=opted_in) as origin:
            guide_url = f"{origin}{built_site.prefix}"
            page = context.new_page()
            page.goto(host.page(snippet(guide_url, answers=ANSWERS), headers=isolated))
            assert page.evaluate("crossOriginIsolated")
            detail = wait_for_events(page)[0]
            assert detail["answers"] == canonical(PRESETS, questions())
            page.close()
    finally:
        context.close()
