//! Read-aloud with the browser's own speech synthesis: no audio files, no outside service.

use crate::model::text;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    SpeechSynthesis, SpeechSynthesisEvent, SpeechSynthesisUtterance, SpeechSynthesisVoice,
};
use yew::Callback;

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// A voice for the language tag (its first part, e.g. "es" for "es-MX"), if the device has one.
/// Only voices on the device itself: a network voice would send the narration to another host.
pub fn voice_for(lang: &str) -> Option<SpeechSynthesisVoice> {
    let base = text::pieces(lang, b'-')
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase();
    synth()?
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .filter(|v| v.local_service())
        .find(|v| text::before_either(&v.lang().to_ascii_lowercase(), b'-', b'_') == base)
}

/// An utterance being spoken, with the callbacks it holds.
type Speaking = (
    SpeechSynthesisUtterance,
    Closure<dyn FnMut(SpeechSynthesisEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// Speaks one text at a time. Dropping it (or [`Speaker::stop`]) silences it without reporting an
/// end, so stopping never counts as "the narration ended".
#[derive(Default)]
pub struct Speaker {
    current: Option<Speaking>,
}

impl Speaker {
    /// Speaks `text` in `lang` with `voice`. `on_boundary` receives the character index of each
    /// word as it is reached; `on_end` is called once when the whole text has been spoken.
    pub fn speak(
        &mut self,
        text: &str,
        lang: &str,
        voice: &SpeechSynthesisVoice,
        on_boundary: Callback<u32>,
        on_end: Callback<()>,
    ) {
        self.stop();
        let (Some(synth), Ok(utterance)) = (synth(), SpeechSynthesisUtterance::new_with_text(text))
        else {
            return;
        };
        utterance.set_lang(lang);
        utterance.set_voice(Some(voice));
        utterance.set_rate(0.9);
        let boundary =
            Closure::<dyn FnMut(SpeechSynthesisEvent)>::new(move |e: SpeechSynthesisEvent| {
                on_boundary.emit(e.char_index());
            });
        let end = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_end.emit(()));
        utterance.set_onboundary(Some(boundary.as_ref().unchecked_ref()));
        utterance.set_onend(Some(end.as_ref().unchecked_ref()));
        synth.speak(&utterance);
        self.current = Some((utterance, boundary, end));
    }

    /// Stops speaking (without calling the end callback).
    pub fn stop(&mut self) {
        if let Some((utterance, _, _)) = self.current.take() {
            utterance.set_onend(None);
            utterance.set_onboundary(None);
            if let Some(s) = synth() {
                s.cancel();
            }
        }
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}
