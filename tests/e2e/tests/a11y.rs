//! Accessibility of every screen through the real window: axe-core (injected into the page)
//! reports no serious or critical violation on any screen, in the light and the dark theme, at
//! the laptop size; and three rules axe does not check: every outlined control's outline (or its
//! fill) stands out 3:1 from what is behind it, no text is smaller than 14px, and a chosen
//! option differs from an unchosen one by more than colour; and no software words on any of
//! them (file formats, databases, raw paths, internal keys, ISO dates).

use serde_json::Value;
use soleus_e2e::{Display, Session};
use soleus_e2e::cases::URGENT;

/// The whole calf swollen after a long journey: a clot to rule out, urgent, with a Wells card.
const CLOT: &str = r#"{"findings": {"swelling": "whole_calf", "recent_immobilisation": true, "onset": "gradual", "chest_symptoms": false, "foot_cold_pale": false, "pain_out_of_proportion": false, "back_pain": false, "saddle_numbness_or_bladder": false}}"#;

/// Controls whose outline (their border, or their own background when it differs) is under
/// 3:1 against the colour behind them, and text under 14px; each as "what: why".
const OWN_RULES: &str = r#"
const rgb = (c) => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
const alpha = (c) => { const m = rgb(c); return m.length > 3 ? m[3] : 1; };
const lum = ([r, g, b]) => { const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
const behind = (el) => { for (let e = el.parentElement; e; e = e.parentElement) { const bg = getComputedStyle(e).backgroundColor; if (alpha(bg) > 0.5) return rgb(bg); } return rgb(getComputedStyle(document.body).backgroundColor); };
const shown = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0'; };
const name = (e) => (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/)[0] : '')) + ` "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
const problems = [];
for (const e of document.querySelectorAll('button, input:not([type=radio]):not([type=checkbox]), select, textarea, summary, a[href]')) {
  if (!shown(e) || e.disabled) continue;
  const s = getComputedStyle(e);
  const back = behind(e);
  const width = parseFloat(s.borderTopWidth);
  const border = width >= 1 && s.borderTopStyle !== 'none' && alpha(s.borderTopColor) > 0.5 ? ratio(rgb(s.borderTopColor), back) : 0;
  const fill = alpha(s.backgroundColor) > 0.5 ? ratio(rgb(s.backgroundColor), back) : 0;
  // A control with an outline: the outline, or the fill inside it, stands out from the page.
  const outlined = width >= 1 && s.borderTopStyle !== 'none' && alpha(s.borderTopColor) > 0.5;
  if (outlined && Math.max(border, fill) < 3) problems.push(`${name(e)}: outline ${Math.max(border, fill).toFixed(2)}:1`);
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const small = new Set();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const e = n.parentElement;
  if (!n.textContent.trim() || !e || !shown(e) || e.closest('.visually-hidden, svg, [aria-hidden=true]')) continue;
  const px = parseFloat(getComputedStyle(e).fontSize);
  if (px < 13.95) small.add(`${name(e)}: ${px}px text`);
}
// A chosen option differs from its unchosen neighbour by more than colour: weight, border width,
// decoration, a shadow, or a mark drawn before or after it.
const chosen = (e) => e.getAttribute('aria-selected') === 'true' || e.getAttribute('aria-pressed') === 'true' ||
  e.getAttribute('aria-checked') === 'true' || (e.hasAttribute('aria-current') && e.getAttribute('aria-current') !== 'false') ||
  (e.tagName === 'LABEL' && !!e.querySelector('input:checked'));
const look = (e) => { const s = getComputedStyle(e); const b = getComputedStyle(e, '::before'); const a = getComputedStyle(e, '::after');
  return [s.fontWeight, s.borderTopWidth, s.borderBottomWidth, s.borderLeftWidth, s.textDecorationLine, s.boxShadow, s.fontStyle,
    b.content, b.width, b.height, a.content, a.width, a.height].join('|'); };
const colourOnly = [];
for (const e of document.querySelectorAll('[aria-selected], [aria-pressed], [aria-checked], [aria-current], label')) {
  if (!shown(e) || !chosen(e) || !e.parentElement) continue;
  const group = e.closest('[role=tablist], [role=radiogroup], fieldset, nav, ul, ol') ?? e.parentElement;
  const other = [...group.querySelectorAll(e.tagName)].find((o) => o !== e && shown(o) && !chosen(o) && o.closest('[role=tablist], [role=radiogroup], fieldset, nav, ul, ol') === e.closest('[role=tablist], [role=radiogroup], fieldset, nav, ul, ol'));
  if (!other) continue;
  if (look(e) === look(other)) colourOnly.push(`${name(e)}: chosen shown by colour alone (against ${name(other)})`);
}
return problems.concat([...small], colourOnly);
"#;

/// Words of the software, not of the person (issue 12 item 6): formats and databases (a file's
/// extension, ".json", is how the person finds the file, and stays), case
/// ids, source files, engine versions, raw paths, line numbers, internal keys (snake_case), a
/// script's leaked values, and a date not in the app's one format (ISO days).
const SOFTWARE_WORDS: &str = r#"
const text = document.body.innerText;
const words = [/(^|[^.])\bjson\b/i, /sqlite/i, /\bseed \d/i, /references\.md/i, /engine v(ersion)?\s*\d/i, /\/(home|tmp|root|usr)\//,
  /\bline \d+ of\b/i, /\bundefined\b|\bNaN\b|\[object /, /\b[a-z]+_[a-z_]+\b/, /\b\d{4}-\d{2}-\d{2}\b/];
return words.flatMap((w) => { const m = text.match(w); return m ? [`${w}: …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`] : []; });
"#;

/// axe-core and the two rules above on what the window shows, in the light then the dark theme;
/// and no word of the software on it.
async fn audit(app: &Session, what: &str) {
    let words: Vec<String> = serde_json::from_value(app.js(SOFTWARE_WORDS, vec![]).await).unwrap();
    assert!(words.is_empty(), "{what} shows software words:\n  {}", words.join("\n  "));
    for theme in ["light", "dark"] {
        app.pin_theme(theme).await;
        app.axe(&format!("{what}-{theme}")).await;
        let found = app.js(OWN_RULES, vec![]).await;
        let found: Vec<String> = serde_json::from_value(found).unwrap();
        if !found.is_empty() {
            app.screenshot(&format!("A11Y-{what}-{theme}")).await;
        }
        assert!(found.is_empty(), "{what} ({theme}): {}", found.join("\n  "));
    }
}

/// The page rules fail where they should: a pale outline, 12px text, a choice shown by its
/// colour alone and each kind of software word, added to the page for a moment, are reported.
async fn rules_catch_what_they_check(app: &Session) {
    // Styles set through the CSSOM: the CSP refuses inline style attributes.
    let probe = "const p = document.createElement('div'); p.id = 'probe'; \
        const el = (tag, text, style, attrs = {}) => { const e = document.createElement(tag); e.textContent = text; \
          Object.assign(e.style, style); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); return e; }; \
        const group = el('div', '', {}, { role: 'radiogroup' }); \
        group.append(el('button', 'On', { background: '#1c7556', color: '#fff', border: '2px solid #1c7556' }, { 'aria-pressed': 'true' }), \
          el('button', 'Off', { background: '#fff', color: '#000', border: '2px solid #1c7556' }, { 'aria-pressed': 'false' })); \
        p.append(el('button', 'Pale', { border: '1px solid #eeeeee', background: 'none' }), el('p', 'Tiny', { fontSize: '12px' }), group); \
        document.body.prepend(p);";
    app.js(probe, vec![]).await;
    let found: Vec<String> = serde_json::from_value(app.js(OWN_RULES, vec![]).await).unwrap();
    app.js("document.getElementById('probe').remove()", vec![]).await;
    let said = found.join("\n");
    assert!(said.contains("\"Pale\": outline"), "{said}");
    assert!(said.contains("\"Tiny\": 12px text"), "{said}");
    assert!(said.contains("\"On\": chosen shown by colour alone"), "{said}");

    // And the software words: each kind, shown for a moment, is reported.
    let words = ["line 7 of activities.csv", "thompson_test", "saved in SQLite", "2026-12-07", "/home/ana/x", "invalid JSON"];
    app.js("const p = document.createElement('p'); p.id = 'probe'; p.textContent = arguments[0]; document.body.prepend(p);", vec![words.join(" · ").into()]).await;
    let found: Vec<String> = serde_json::from_value(app.js(SOFTWARE_WORDS, vec![]).await).unwrap();
    app.js("document.getElementById('probe').remove()", vec![]).await;
    assert_eq!(found.len(), words.len(), "each is caught: {found:?}");
}

/// Answers "Not sure" until the engine has enough, auditing the first question and the body map.
async fn sparse_interview(app: &Session) {
    let mut seen_map = false;
    for i in 0..80 {
        let at = app.js("const q = document.querySelector('[data-testid=question]'); \
            return q ? q.dataset.key : (document.querySelector('[data-testid=enough]') ? 'enough' : null)", vec![]).await;
        match at {
            Value::String(s) if s == "enough" => return,
            Value::String(key) => {
                if i == 0 {
                    audit(app, "check-question").await;
                }
                if key == "location" && !seen_map {
                    seen_map = true;
                    audit(app, "check-body-map").await;
                }
                app.click("[data-testid=not-sure]").await;
            }
            _ => {}
        }
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    panic!("the interview did not end");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_axe_and_the_outline_and_text_size_rules() {
    let display = Display::start();
    let app = display.launch().await;
    app.wait_for("[data-testid=profile-setup]").await;
    rules_catch_what_they_check(&app).await;
    audit(&app, "setup").await;
    app.create_profile("Ana").await;
    app.wait_for("[data-testid=start-runner]").await;
    audit(&app, "check-start").await;

    // Every tab of a new profile.
    for tab in ["plan", "exercises", "log"] {
        app.open_tab(tab).await;
        audit(&app, &format!("{tab}-empty")).await;
    }
    app.click("[data-testid=log-run-tab]").await;
    audit(&app, "log-run").await;
    // A score saved: the history, the week's review and its charts.
    app.click("[data-testid=log-pain-tab]").await;
    app.click("[data-testid=score-4]").await;
    app.click_and_wait("[data-testid=save-pain]", "[data-testid=history]").await;
    audit(&app, "log-history").await;

    // A check answered "Not sure" throughout, its result, then saved.
    app.open_tab("check").await;
    app.click("[data-testid=start-runner]").await;
    sparse_interview(&app).await;
    audit(&app, "check-result").await;
    app.quit().await;

    // Saved checks: the list, one read back, its plan, the presenter.
    display.save_checks("Ana", &[URGENT, CLOT]);
    let app = display.launch().await;
    app.wait_for("[data-testid=past-checks]").await;
    audit(&app, "check-past").await;
    app.click_and_wait("[data-testid=past-check]", "[data-testid=saved-title]").await;
    audit(&app, "check-saved").await;
    app.click_and_wait("[data-testid=saved-present]", "[data-testid=presenter]").await;
    let slides = app.text("[data-testid=presenter-count]").await;
    let total: usize = slides.rsplit('/').next().unwrap().trim().parse().unwrap();
    for i in 1..=total {
        audit(&app, &format!("present-result-{i}")).await;
        app.click("[data-testid=presenter-next]").await;
    }
    app.click("[data-testid=presenter-exit]").await;
    app.open_tab_showing("plan", "[data-testid=plan-title]").await;
    audit(&app, "plan").await;
    app.click_and_wait("[data-testid=plan-present]", "[data-testid=presenter]").await;
    audit(&app, "present-plan").await;
    app.click("[data-testid=presenter-exit]").await;
    app.open_tab_showing("exercises", "[data-testid=exercise-list]").await;
    audit(&app, "exercises").await;
    app.pin_theme("light").await;
    app.screenshot_sizes("exercises-library", None).await;
    app.click_and_wait("[data-testid=exercise-card-heel_slides]", "[data-testid=exercise-title]").await;
    audit(&app, "exercise-detail").await;

    // The menu, the settings, a new patient, a closed record.
    app.open_menu().await;
    audit(&app, "menu").await;
    app.type_into("[data-testid=profile-menu] [data-testid=patient-search]", "zz").await;
    audit(&app, "menu-search").await;
    app.click_and_wait("[data-testid=open-settings]", "[data-testid=settings]").await;
    audit(&app, "settings").await;
    app.click("[data-testid=delete-profile]").await;
    audit(&app, "settings-delete").await;
    app.click("[data-testid=settings-back]").await;
    app.open_menu().await;
    app.click_and_wait("[data-testid=new-patient]", "[data-testid=new-patient-name]").await;
    audit(&app, "new-patient").await;
    app.click_and_wait("[data-testid=new-patient-cancel]", "[data-testid=door-new-patient]").await;
    audit(&app, "no-record").await;
    app.quit().await;
}
