//! The diagram's parameters at one moment: everything the drawing needs, as plain numbers.

/// What the diagram shows at one instant. Every field is a fraction in `0.0..=1.0`.
///
/// The view turns these fractions into geometry; the timeline produces them.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Scene {
    /// How far the front of the middle vertebra has collapsed: 0 healthy, 1 fully fractured.
    pub collapse: f32,
    /// Share of the lost front height that has been lifted back (never all of it).
    pub lift: f32,
    /// Pain highlight around the broken bone.
    pub pain: f32,
    /// Live X-ray beam and numbing of the skin (getting ready).
    pub prep: f32,
    /// Hollow needle depth: 0 outside the skin, 1 with its tip in the front third of the body.
    pub needle: f32,
    /// How far the deflated balloon has slid out of the needle into the bone.
    pub balloon_in: f32,
    /// Balloon inflation: 0 deflated, 1 fully inflated.
    pub balloon_size: f32,
    /// Size of the space left in the spongy bone (grows with the balloon, stays after it).
    pub cavity: f32,
    /// How much of the cavity is filled with cement, from front to back.
    pub cement: f32,
    /// How far the cement has hardened (its colour changes).
    pub cure: f32,
    /// The small bandage on the skin.
    pub bandage: f32,
    /// Share of the front height lost at full collapse: the fracture's severity (a setting of the
    /// patient, not animated; [`Scene::blend`] keeps the first scene's value).
    pub loss: f32,
}

/// One numeric field of a [`Scene`], so keyframes can name which parameter moves when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// [`Scene::collapse`].
    Collapse,
    /// [`Scene::lift`].
    Lift,
    /// [`Scene::pain`].
    Pain,
    /// [`Scene::prep`].
    Prep,
    /// [`Scene::needle`].
    Needle,
    /// [`Scene::balloon_in`].
    BalloonIn,
    /// [`Scene::balloon_size`].
    BalloonSize,
    /// [`Scene::cavity`].
    Cavity,
    /// [`Scene::cement`].
    Cement,
    /// [`Scene::cure`].
    Cure,
    /// [`Scene::bandage`].
    Bandage,
}

impl Param {
    /// Every parameter, in declaration order.
    pub const ALL: [Param; 11] = [
        Param::Collapse,
        Param::Lift,
        Param::Pain,
        Param::Prep,
        Param::Needle,
        Param::BalloonIn,
        Param::BalloonSize,
        Param::Cavity,
        Param::Cement,
        Param::Cure,
        Param::Bandage,
    ];
}

impl Scene {
    /// The value of one parameter.
    pub fn get(&self, p: Param) -> f32 {
        match p {
            Param::Collapse => self.collapse,
            Param::Lift => self.lift,
            Param::Pain => self.pain,
            Param::Prep => self.prep,
            Param::Needle => self.needle,
            Param::BalloonIn => self.balloon_in,
            Param::BalloonSize => self.balloon_size,
            Param::Cavity => self.cavity,
            Param::Cement => self.cement,
            Param::Cure => self.cure,
            Param::Bandage => self.bandage,
        }
    }

    /// A mutable reference to one parameter.
    pub fn get_mut(&mut self, p: Param) -> &mut f32 {
        match p {
            Param::Collapse => &mut self.collapse,
            Param::Lift => &mut self.lift,
            Param::Pain => &mut self.pain,
            Param::Prep => &mut self.prep,
            Param::Needle => &mut self.needle,
            Param::BalloonIn => &mut self.balloon_in,
            Param::BalloonSize => &mut self.balloon_size,
            Param::Cavity => &mut self.cavity,
            Param::Cement => &mut self.cement,
            Param::Cure => &mut self.cure,
            Param::Bandage => &mut self.bandage,
        }
    }
}

impl Scene {
    /// The scene `t` of the way from `self` to `other` (every parameter interpolated).
    pub fn blend(&self, other: &Scene, t: f32) -> Scene {
        let t = t.clamp(0.0, 1.0);
        let mut out = *self;
        for p in Param::ALL {
            *out.get_mut(p) = self.get(p) + (other.get(p) - self.get(p)) * t;
        }
        out
    }
}
