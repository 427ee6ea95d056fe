//! A prospect prepared once for scoring: normalised text, taxonomy classes, regions.

use super::*;

/// Smallest classification confidence used for hierarchy matching and restrictions:
/// below it the taxonomy guess is too weak to stand on.
pub const CLASSIFICATION_FLOOR: f64 = 0.5;

/// A prospect prepared once for scoring against many zones: normalised text, taxonomy
/// classification, origin regions. Rebuild it when the prospect changes.
#[derive(Clone, Debug)]
pub struct ProspectProfile {
    pub prospect: Prospect,
    pub(super) text: Prepared,
    pub(super) classes: Vec<Classification>,
    /// Resolved codes of `classes`, same order.
    pub(super) class_keys: Vec<CodeKey>,
    pub(super) regions: Vec<&'static str>,
    /// Known terms found whole in the text (see [`crate::taxonomy::Cover`]).
    pub(super) covers: Vec<crate::taxonomy::Cover>,
}

impl ProspectProfile {
    pub fn new(prospect: &Prospect) -> Self {
        let normalized = crate::text::normalize::normalize(&format!(
            "{} {}",
            prospect.industry, prospect.products
        ));
        let text = Prepared::from_normalized(&normalized);
        let t = taxonomy();
        let covers = t.covers(&normalized);
        let classes: Vec<Classification> = t
            .classify(&text, &covers)
            .into_iter()
            .filter(|c| c.confidence >= CLASSIFICATION_FLOOR)
            .collect();
        let class_keys = classes
            .iter()
            .map(|c| t.key(t.entry(c.entry).code))
            .collect();
        Self {
            prospect: prospect.clone(),
            text,
            classes,
            class_keys,
            regions: region::regions_of(&prospect.origin),
            covers,
        }
    }

    /// Taxonomy codes the description was classified as, with confidence.
    pub fn classes(&self) -> Vec<(String, f64)> {
        let t = taxonomy();
        self.classes
            .iter()
            .map(|c| (t.entry(c.entry).code.to_string(), c.confidence))
            .collect()
    }
}
