// Read-aloud and larger text. The browser's speech synthesis is replaced by a recording stand-in
// (headless Chromium has no voices), which reports word boundaries and the end of speech.
import { test } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, openPage, widget, bringUp, expectLive, announcement, CONTENT } from "./harness.mjs";

const STAND_IN = (voices) => `(() => {
  const spoken = [];
  window.__spoken = spoken;
  // "xx-YY!remote" stands for a network voice (localService false).
  class Voice {
    constructor(spec) {
      const [lang, kind] = spec.split("!");
      this.lang = lang; this.name = "Test " + spec; this.default = true; this.localService = kind !== "remote";
    }
  }
  class Utterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.rate = 1; this.onboundary = null; this.onend = null; }
  }
  let current = null;
  const synth = {
    getVoices: () => ${JSON.stringify(voices)}.map((l) => new Voice(l)),
    speak(u) {
      current = u;
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang });
      // Each word's boundary, then the end, 60 ms apart.
      let at = 0, t = 0;
      for (const word of u.text.split(" ")) {
        const i = at;
        setTimeout(() => current === u && u.onboundary && u.onboundary({ charIndex: i }), (t += 60));
        at += word.length + 1;
      }
      setTimeout(() => current === u && u.onend && u.onend({}), t + 60);
    },
    cancel() { current = null; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth });
  window.SpeechSynthesisUtterance = Utterance;
  window.SpeechSynthesisVoice = Voice;
})();`;

useBrowser();

async function ready(voices) {
  const page = await openPage(browser);
  await page.addInitScript(STAND_IN(voices));
  await page.goto(server.url);
  await bringUp(page);
  return page;
}

test("Read aloud speaks the step's narration in the widget's language and marks the sentence being read", async () => {
  const page = await ready(["en-US"]);
  try {
    const button = widget(page).getByRole("button", { name: "Read aloud" });
    await button.click();
    await widget(page).getByRole("button", { name: "Stop reading" }).waitFor();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].text, CONTENT.steps[0].narration.join(" "));
    assert.equal(spoken[0].lang, "en");
    assert.equal(spoken[0].voice, "en-US");
    // A later sentence becomes the one marked as being read.
    const second = CONTENT.steps[0].narration[0].split(". ")[1];
    await page.waitForFunction(
      (text) => {
        const root = document.querySelector("kyphoplasty-explainer").shadowRoot;
        const marked = root.querySelector(".is-reading");
        return marked && marked.textContent.startsWith(text.slice(0, 12));
      },
      second,
      { timeout: 5000 },
    );
    // Next step: its narration is read in turn.
    await widget(page).getByRole("button", { name: "Next step" }).click();
    await page.waitForFunction(() => window.__spoken.length >= 2);
    const last = await page.evaluate(() => window.__spoken.at(-1).text);
    assert.equal(last, CONTENT.steps[1].narration.join(" "));
    await widget(page).getByRole("button", { name: "Stop reading" }).click();
    await widget(page).getByRole("button", { name: "Read aloud" }).waitFor();
  } finally {
    await page.context().close();
  }
});

test("with Play, the next step starts when the narration ends", async () => {
  const page = await ready(["en-GB"]);
  try {
    await widget(page).getByRole("button", { name: "Read aloud" }).click();
    await widget(page).getByRole("button", { name: "Play" }).click();
    // The stand-in speaks one word each 60 ms; the step moves on when it has finished.
    await expectLive(page, announcement(1), 0, 15000);
    await page.waitForFunction(() => window.__spoken.length >= 2, null, { timeout: 5000 });
  } finally {
    await page.context().close();
  }
});

test("without a voice for the language, the widget says so", async () => {
  const page = await ready(["fr-FR"]);
  try {
    await widget(page).getByRole("button", { name: "Read aloud" }).click();
    const note = widget(page).getByRole("status").filter({ hasText: "Read aloud is not available" });
    await note.waitFor();
    assert.equal(
      await note.textContent(),
      CONTENT.ui.no_voice.replace("{language}", CONTENT.language_name),
    );
    assert.equal(await page.evaluate(() => window.__spoken.length), 0);
  } finally {
    await page.context().close();
  }
});

test("a network voice is never used: the narration would leave the device", async () => {
  const page = await ready(["en-US!remote"]);
  try {
    await widget(page).getByRole("button", { name: "Read aloud" }).click();
    await widget(page).getByRole("status").filter({ hasText: "Read aloud is not available" }).waitFor();
    assert.equal(await page.evaluate(() => window.__spoken.length), 0);
  } finally {
    await page.context().close();
  }
});

test("Larger text makes the narration larger", async () => {
  const page = await ready([]);
  try {
    const size = () =>
      widget(page).getByText(CONTENT.steps[0].narration[0].split(". ")[0]).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    const toggle = widget(page).getByRole("button", { name: "Larger text" });
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const after = await size();
    assert.ok(after >= before * 1.2, `text went from ${before}px to ${after}px`);
  } finally {
    await page.context().close();
  }
});
