//! The player: which step is shown, how far its animation has run, and whether it auto-advances.
//!
//! One pure reducer handles every action. The state is `(step, progress)`, so jumping, going back
//! and advancing are the same operation; there is no playback cursor to keep in sync.

/// Something that changes the player.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Go to the next step (no-op on the last one).
    Next,
    /// Go to the previous step (no-op on the first one).
    Previous,
    /// Go to a step by index (out-of-range indexes are clamped).
    GoTo(usize),
    /// Go to a point on the whole timeline: the integer part is the step, the fraction its progress.
    Seek(f32),
    /// Start auto-advancing.
    Play,
    /// Stop auto-advancing (the current step's animation still finishes).
    Pause,
    /// Time passed: this many milliseconds.
    Tick(f32),
    /// Read-aloud was turned on (true) or off: while on, playback waits for the narration.
    ReadAloud(bool),
    /// The narration of the current step finished being read aloud.
    NarrationEnded,
}

/// How long the picture takes to glide from where it was to a newly chosen step's start.
pub const TWEEN_MS: f32 = 450.0;

/// Timing of one step, handed to the player by whoever knows the content.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepTiming {
    /// How long the step's drawing animates, in milliseconds.
    pub animate_ms: f32,
    /// How long the step stays on screen after its animation when playing (reading time).
    pub dwell_ms: f32,
}

/// The player's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Player {
    /// The current step's index.
    pub step: usize,
    /// Progress of the current step's animation, `0.0..=1.0`.
    pub progress: f32,
    /// Auto-advancing.
    pub playing: bool,
    /// Milliseconds spent on the current step since its animation ended (while playing).
    pub dwelt_ms: f32,
    /// Show end states only, without tweening (reduced motion).
    pub reduced_motion: bool,
    /// Where the picture was (a timeline position) when the reader last jumped.
    pub from: f32,
    /// Progress of the short tween from `from` to the new step's start, `0.0..=1.0` (1 = done).
    pub blend: f32,
    /// The reader placed the picture with the timeline slider: it stays there until the next action.
    pub held: bool,
    /// Read-aloud is on: while playing, a step advances when its narration ends, not on a timer.
    pub wait_for_narration: bool,
    /// Timing of every step; its length is the number of steps.
    pub timings: Vec<StepTiming>,
}

impl Player {
    /// A player at `start` (clamped), paused unless `autoplay`.
    ///
    /// The first step shown animates from its start. With reduced motion there is no tweening
    /// and no autoplay (Play still steps through, showing each step's end).
    pub fn new(
        timings: Vec<StepTiming>,
        start: usize,
        autoplay: bool,
        reduced_motion: bool,
    ) -> Self {
        let mut p = Player {
            step: 0,
            progress: 0.0,
            playing: autoplay && !reduced_motion,
            dwelt_ms: 0.0,
            reduced_motion,
            timings,
            from: 0.0,
            blend: 1.0,
            held: false,
            wait_for_narration: false,
        };
        p.enter(start, 0.0);
        p.blend = 1.0;
        p
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.timings.len()
    }

    /// True when there are no steps.
    pub fn is_empty(&self) -> bool {
        self.timings.is_empty()
    }

    /// True on the last step.
    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.len()
    }

    /// True while anything on screen should move: the step animates, or playback waits to advance.
    /// The view requests animation frames only while this is true.
    pub fn is_moving(&self) -> bool {
        let waiting_on_timer = self.playing && !self.is_last() && !self.wait_for_narration;
        self.blend < 1.0 || (!self.held && (self.progress < 1.0 || waiting_on_timer))
    }

    /// The position on the whole timeline: step index plus progress.
    pub fn position(&self) -> f32 {
        self.step as f32 + self.progress
    }

    fn enter(&mut self, step: usize, progress: f32) {
        self.from = self.position();
        self.held = false;
        self.step = step.min(self.len().saturating_sub(1));
        self.progress = if self.reduced_motion {
            1.0
        } else {
            progress.clamp(0.0, 1.0)
        };
        self.dwelt_ms = 0.0;
        // Glide only when the picture would otherwise jump (not when a step simply follows on).
        let continuous = (self.from - self.position()).abs() < 1e-4;
        self.blend = if self.reduced_motion || continuous {
            1.0
        } else {
            0.0
        };
    }

    /// Applies one action and returns the new state.
    pub fn reduce(mut self, action: Action) -> Self {
        self.apply(action);
        self
    }

    /// Applies one action in place (what [`Player::reduce`] does, without moving the player: a
    /// frame's tick does not copy the list of step timings).
    pub fn apply(&mut self, action: Action) {
        if self.is_empty() {
            return;
        }
        match action {
            Action::Next => {
                if !self.is_last() {
                    self.enter(self.step + 1, 0.0);
                } else {
                    self.progress = 1.0;
                }
            }
            Action::Previous => {
                if self.step > 0 {
                    self.enter(self.step - 1, 0.0);
                }
            }
            Action::GoTo(i) => self.enter(i, 0.0),
            Action::Seek(pos) => {
                let max = self.len() as f32;
                let pos = if pos.is_finite() {
                    // max/min, not clamp: clamp's check of its bounds would print floats.
                    pos.max(0.0).min(max)
                } else {
                    0.0
                };
                let step = (pos.floor() as usize).min(self.len() - 1);
                self.step = step;
                self.progress = (pos - step as f32).clamp(0.0, 1.0);
                self.dwelt_ms = 0.0;
                self.playing = false;
                self.blend = 1.0;
                self.held = true;
            }
            // With reduced motion too: the steps follow on by themselves, each shown at its end.
            Action::Play => {
                if self.is_last() && self.progress >= 1.0 {
                    self.enter(0, 0.0);
                }
                self.playing = true;
                self.held = false;
            }
            Action::Pause => self.playing = false,
            Action::Tick(ms) => self.tick(ms),
            Action::ReadAloud(on) => self.wait_for_narration = on,
            Action::NarrationEnded => {
                if self.playing && self.wait_for_narration {
                    if self.is_last() {
                        self.playing = false;
                    } else {
                        self.enter(self.step + 1, 0.0);
                    }
                }
            }
        }
    }

    fn tick(&mut self, ms: f32) {
        if !ms.is_finite() || ms <= 0.0 {
            return;
        }
        if self.blend < 1.0 {
            self.blend = (self.blend + ms / TWEEN_MS).min(1.0);
            return;
        }
        if self.held {
            return;
        }
        let timing = self.timings[self.step];
        if self.progress < 1.0 {
            self.progress = (self.progress + ms / timing.animate_ms.max(1.0)).min(1.0);
            // Playback ends with the last step's animation (no further frame will come).
            if self.progress >= 1.0 && self.is_last() {
                self.playing = false;
            }
            return;
        }
        if !self.playing {
            return;
        }
        if self.is_last() {
            self.playing = false;
            return;
        }
        self.dwelt_ms += ms;
        if self.dwelt_ms >= timing.dwell_ms && !self.wait_for_narration {
            self.enter(self.step + 1, 0.0);
            // With reduced motion the last step is shown at its end at once: playback ends.
            if self.progress >= 1.0 && self.is_last() {
                self.playing = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timings(n: usize) -> Vec<StepTiming> {
        vec![
            StepTiming {
                animate_ms: 1000.0,
                dwell_ms: 500.0
            };
            n
        ]
    }

    fn player(n: usize) -> Player {
        Player::new(timings(n), 0, false, false)
    }

    #[test]
    fn next_and_previous_stay_in_bounds() {
        let mut p = player(3);
        p = p.reduce(Action::Previous);
        assert_eq!(p.step, 0);
        for _ in 0..5 {
            p = p.reduce(Action::Next);
        }
        assert_eq!(p.step, 2);
        p = p
            .reduce(Action::Previous)
            .reduce(Action::Previous)
            .reduce(Action::Previous);
        assert_eq!(p.step, 0);
    }

    #[test]
    fn go_to_clamps_and_restarts_the_step() {
        let p = player(4).reduce(Action::GoTo(2));
        assert_eq!((p.step, p.progress), (2, 0.0));
        let p = p.reduce(Action::GoTo(99));
        assert_eq!(p.step, 3);
        let p = Player::new(timings(4), 10, false, false);
        assert_eq!(p.step, 3);
    }

    #[test]
    fn jumping_glides_from_the_old_picture_before_the_step_plays() {
        let mut p = player(4).reduce(Action::Tick(2000.0));
        assert_eq!(p.blend, 1.0, "no tween at start-up");
        p = p.reduce(Action::GoTo(3));
        assert_eq!((p.from, p.blend, p.progress), (1.0, 0.0, 0.0));
        assert!(p.is_moving());
        p = p.reduce(Action::Tick(TWEEN_MS / 2.0));
        assert!((p.blend - 0.5).abs() < 1e-6);
        assert_eq!(p.progress, 0.0, "the step waits for the glide");
        p = p
            .reduce(Action::Tick(TWEEN_MS / 2.0))
            .reduce(Action::Tick(100.0));
        assert_eq!(p.blend, 1.0);
        assert!(p.progress > 0.0);
        // Going back replays the previous step from its start, after a glide.
        let p = p.reduce(Action::Previous);
        assert_eq!((p.step, p.progress, p.blend), (2, 0.0, 0.0));
        assert!(p.from > 3.0);
    }

    #[test]
    fn ticks_animate_the_step_then_stop_when_paused() {
        let mut p = player(3);
        assert!(p.is_moving());
        p = p.reduce(Action::Tick(400.0));
        assert!((p.progress - 0.4).abs() < 1e-6);
        p = p.reduce(Action::Tick(100.0)).reduce(Action::Tick(-1.0));
        assert!((p.progress - 0.5).abs() < 1e-6);
        p = p.reduce(Action::Tick(200.0));
        p = p.reduce(Action::Tick(700.0));
        assert_eq!(p.progress, 1.0);
        assert!(
            !p.is_moving(),
            "a paused, finished step must not request frames"
        );
        p = p.reduce(Action::Tick(10_000.0));
        assert_eq!(p.step, 0, "paused player must not advance");
    }

    #[test]
    fn playing_advances_after_the_dwell_and_stops_at_the_end() {
        let mut p = player(2).reduce(Action::Play);
        p = p.reduce(Action::Tick(1000.0));
        assert_eq!((p.step, p.progress), (0, 1.0));
        p = p.reduce(Action::Tick(300.0));
        assert_eq!(p.step, 0);
        p = p.reduce(Action::Tick(300.0));
        assert_eq!((p.step, p.progress), (1, 0.0));
        p = p.reduce(Action::Tick(1000.0));
        assert!(
            !p.playing,
            "playback stops as the last step's animation ends, in the same tick"
        );
        assert!(!p.is_moving());
    }

    #[test]
    fn play_at_the_end_starts_over_and_pause_stops() {
        let mut p = player(2)
            .reduce(Action::GoTo(1))
            .reduce(Action::Tick(TWEEN_MS))
            .reduce(Action::Tick(2000.0));
        assert_eq!((p.step, p.progress), (1, 1.0));
        p = p.reduce(Action::Play);
        assert_eq!(p.step, 0);
        assert!(p.playing);
        p = p.reduce(Action::Pause);
        assert!(!p.playing);
    }

    #[test]
    fn reduced_motion_shows_end_states_and_never_autoplays_but_plays_when_asked() {
        let mut p = Player::new(timings(3), 1, true, true);
        assert!(!p.playing);
        assert_eq!(p.progress, 1.0);
        assert!(!p.is_moving());
        p = p.reduce(Action::Next);
        assert_eq!((p.step, p.progress), (2, 1.0));
        assert!(!p.is_moving());
        // Play: each step at its end state at once, the next after the dwell; from the last
        // step it starts again at the first.
        let mut p = Player::new(timings(3), 0, false, true).reduce(Action::Play);
        assert!(p.playing && p.is_moving());
        let dwell = p.timings[0].dwell_ms;
        p = p.reduce(Action::Tick(dwell / 2.0));
        assert_eq!((p.step, p.progress), (0, 1.0));
        p = p.reduce(Action::Tick(dwell));
        assert_eq!((p.step, p.progress, p.blend), (1, 1.0, 1.0));
        // On to the last step, where it stops by itself (nothing would move after it).
        let dwell = p.timings[1].dwell_ms;
        p = p.reduce(Action::Tick(dwell));
        assert_eq!((p.step, p.progress, p.playing), (2, 1.0, false));
        assert!(!p.is_moving());
        let p = p.reduce(Action::GoTo(2)).reduce(Action::Play);
        assert_eq!((p.step, p.progress), (0, 1.0));
    }

    #[test]
    fn seek_moves_continuously_and_ignores_nonsense() {
        let p = player(3).reduce(Action::Play).reduce(Action::Seek(1.25));
        assert_eq!((p.step, p.progress, p.playing), (1, 0.25, false));
        let p = p.reduce(Action::Seek(f32::NAN));
        assert_eq!((p.step, p.progress), (0, 0.0));
        let p = p.reduce(Action::Seek(99.0));
        assert_eq!((p.step, p.progress), (2, 1.0));
        let p = p
            .reduce(Action::Tick(f32::INFINITY))
            .reduce(Action::Tick(-5.0));
        assert_eq!((p.step, p.progress), (2, 1.0));
    }

    #[test]
    fn a_scrubbed_picture_stays_put_until_the_next_action() {
        let p = player(3).reduce(Action::Seek(1.4));
        assert!(
            !p.is_moving(),
            "no frames while the reader holds the picture"
        );
        let p = p.reduce(Action::Tick(500.0));
        assert_eq!(p.step, 1);
        assert!((p.progress - 0.4).abs() < 1e-5);
        let p = p.reduce(Action::Play).reduce(Action::Tick(100.0));
        assert!(p.progress > 0.45, "play resumes from the scrubbed point");
        let p = p.reduce(Action::Seek(0.5)).reduce(Action::Next);
        assert!(!p.held);
        assert!(p.is_moving());
    }

    #[test]
    fn with_read_aloud_playback_waits_for_the_narration() {
        let mut p = player(3)
            .reduce(Action::ReadAloud(true))
            .reduce(Action::Play);
        p = p.reduce(Action::Tick(1000.0));
        assert_eq!(p.progress, 1.0);
        assert!(!p.is_moving(), "no frames while waiting for the voice");
        p = p.reduce(Action::Tick(60_000.0));
        assert_eq!(p.step, 0, "the timer does not advance while reading aloud");
        p = p.reduce(Action::NarrationEnded);
        assert_eq!((p.step, p.progress), (1, 0.0));
        // Paused, the end of the narration does not advance.
        p = p.reduce(Action::Pause).reduce(Action::NarrationEnded);
        assert_eq!(p.step, 1);
        // Off again: the timer is back.
        p = p
            .reduce(Action::ReadAloud(false))
            .reduce(Action::Play)
            .reduce(Action::Tick(1000.0))
            .reduce(Action::Tick(600.0));
        assert_eq!(p.step, 2);
        p = p
            .reduce(Action::ReadAloud(true))
            .reduce(Action::Tick(1000.0))
            .reduce(Action::NarrationEnded);
        assert!(!p.playing, "the last narration ends playback");
    }

    #[test]
    fn an_empty_player_ignores_everything() {
        let p = player(0).reduce(Action::Next).reduce(Action::Tick(5.0));
        assert!(p.is_empty());
    }
}
