//! A criterion that averages several checks, with a reason per check.

use super::*;

/// A criterion that averages several checks (factory and land; minimum investment and
/// intensity), with a reason per check when explaining.
pub(super) struct Parts {
    pub(super) scores: Vec<f64>,
    pub(super) reasons: Vec<Reason>,
    pub(super) explain: bool,
}

impl Parts {
    pub(super) fn new(explain: bool) -> Self {
        Self {
            scores: Vec::new(),
            reasons: Vec::new(),
            explain,
        }
    }

    pub(super) fn add(&mut self, score: f64, reason: impl FnOnce() -> Reason) {
        self.scores.push(score.clamp(0.0, 1.0));
        if self.explain {
            self.reasons.push(reason());
        }
    }

    /// Have-versus-need: full credit when met, partial credit `have / need` otherwise.
    pub(super) fn ratio(
        &mut self,
        have: f64,
        need: f64,
        met: impl FnOnce() -> Reason,
        short: impl FnOnce() -> Reason,
    ) {
        if have >= need {
            self.add(1.0, met);
        } else {
            self.add(have / need, short);
        }
    }

    /// The mean of the checks, or not scored with `none` when there was nothing to check.
    pub(super) fn finish(self, kind: CriterionKind, weight: f64, none: Reason) -> CriterionScore {
        if self.scores.is_empty() {
            return CriterionScore::not_scored(kind, weight, self.explain, none);
        }
        CriterionScore {
            kind,
            score: self.scores.iter().sum::<f64>() / self.scores.len() as f64,
            weight,
            applicable: true,
            reasons: self.reasons,
        }
    }
}
