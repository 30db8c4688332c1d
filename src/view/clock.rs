//! The player between renders: animation frames re-render only the parts that move.
//!
//! The root component holds a [`Clock`]: the [`Player`] in a cell, the frame loop, and the
//! components that follow it frame by frame ([`Animated`]: the pictures, the slider, the readout).
//! An action or a frame updates the player, re-renders those followers, and re-renders the root
//! only when what it shows changes ([`Moment`]: the step, playing or not, the end).

use super::frames::FrameLoop;
use crate::model::player::{Action, Player};
use std::cell::{Cell, Ref, RefCell};
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// What the root component shows of the player; it re-renders only when this changes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Moment {
    /// The current step.
    pub step: usize,
    /// Playing through the steps.
    pub playing: bool,
    /// On the last step.
    pub is_last: bool,
    /// The last step has finished.
    pub done: bool,
}

impl Moment {
    /// The moment a player is at.
    pub fn of(p: &Player) -> Self {
        Moment {
            step: p.step,
            playing: p.playing,
            is_last: p.is_last(),
            done: p.is_last() && p.progress >= 1.0,
        }
    }
}

/// Where the animation is, for the parts drawn frame by frame.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Frame {
    /// Position on the whole timeline (step index plus progress).
    pub position: f32,
    /// Where a glide started (see [`Player::from`]).
    pub from: f32,
    /// How far the glide has come, 0 to 1 (1: no glide).
    pub blend: f32,
}

struct Inner {
    player: RefCell<Player>,
    frames: RefCell<Option<FrameLoop>>,
    followers: RefCell<Vec<(u32, Callback<()>)>>,
    next_id: Cell<u32>,
    speed: Cell<f32>,
    can_run: Cell<bool>,
    on_moment: RefCell<Option<Callback<Moment>>>,
}

/// The shared player (cheap to clone; equal when it is the same clock).
#[derive(Clone)]
pub struct Clock(Rc<Inner>);

impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Clock {
    /// A clock for this player, with its frame loop (no frame is requested yet).
    pub fn new(player: Player) -> Self {
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let weak = weak.clone();
            Inner {
                player: RefCell::new(player),
                frames: RefCell::new(Some(FrameLoop::new(move |dt| {
                    if let Some(inner) = weak.upgrade() {
                        let clock = Clock(inner);
                        clock.apply(Action::Tick(dt * clock.0.speed.get()));
                    }
                }))),
                followers: RefCell::new(Vec::new()),
                next_id: Cell::new(0),
                speed: Cell::new(1.0),
                can_run: Cell::new(true),
                on_moment: RefCell::new(None),
            }
        });
        Clock(inner)
    }

    /// The player now.
    pub fn player(&self) -> Ref<'_, Player> {
        self.0.player.borrow()
    }

    /// Where the animation is now.
    pub fn frame(&self) -> Frame {
        let p = self.0.player.borrow();
        Frame {
            position: p.position(),
            from: p.from,
            blend: p.blend,
        }
    }

    /// Applies an action: the followers redraw, the root hears of a new [`Moment`], and frames
    /// run while something moves and the widget can be seen.
    pub fn apply(&self, action: Action) {
        let moment = {
            let mut p = self.0.player.borrow_mut();
            p.apply(action);
            Moment::of(&p)
        };
        let followers: Vec<Callback<()>> = self
            .0
            .followers
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        for f in followers {
            f.emit(());
        }
        let on_moment = self.0.on_moment.borrow().clone();
        if let Some(cb) = on_moment {
            cb.emit(moment);
        }
        self.run_frames();
    }

    /// Requests the next frame while something moves and the widget can be seen; else stops.
    fn run_frames(&self) {
        let moving = self.0.can_run.get() && self.0.player.borrow().is_moving();
        if let Some(l) = self.0.frames.borrow().as_ref() {
            if moving {
                l.request();
            } else {
                l.stop();
            }
        }
    }

    /// The widget is on screen and its page visible (frames may run), or not.
    pub fn set_can_run(&self, can: bool) {
        self.0.can_run.set(can);
        self.run_frames();
    }

    /// Playback speed (1 = as authored).
    pub fn set_speed(&self, speed: f32) {
        self.0.speed.set(speed);
    }

    /// Who hears of each new [`Moment`] (the root component).
    pub fn on_moment(&self, cb: Callback<Moment>) {
        *self.0.on_moment.borrow_mut() = Some(cb);
    }

    /// Stops the frames for good (the widget is going away).
    pub fn stop(&self) {
        self.0.frames.borrow_mut().take();
        self.0.on_moment.borrow_mut().take();
        self.0.followers.borrow_mut().clear();
    }

    fn follow(&self, cb: Callback<()>) -> u32 {
        let id = self.0.next_id.get();
        self.0.next_id.set(id.wrapping_add(1));
        self.0.followers.borrow_mut().push((id, cb));
        id
    }

    fn unfollow(&self, id: u32) {
        self.0.followers.borrow_mut().retain(|(i, _)| *i != id);
    }
}

/// Props of [`Animated`].
#[derive(Properties, PartialEq)]
pub struct AnimatedProps {
    /// The clock to follow.
    pub clock: Clock,
    /// Draws this part for a frame.
    pub render: Callback<Frame, Html>,
}

/// A part of the widget drawn anew on every frame of the clock, without the rest of the widget.
#[function_component(Animated)]
pub fn animated(props: &AnimatedProps) -> Html {
    let update = use_force_update();
    use_effect_with(props.clock.clone(), move |clock| {
        let id = clock.follow(Callback::from(move |()| update.force_update()));
        let clock = clock.clone();
        move || clock.unfollow(id)
    });
    props.render.emit(props.clock.frame())
}
