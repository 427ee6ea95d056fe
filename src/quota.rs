//! Recognising "storage full" in every spelling browsers use, so that a full disk is told
//! to the user as such and never mistaken for another failure.

/// True when a failed storage write means the quota is exhausted.
///
/// Browsers report it as `QuotaExceededError` (standard; code 22), Firefox's older
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014), and some WebKit builds only by the legacy
/// numeric code.
///
/// ```
/// use zonematch::quota::is_quota_exceeded;
/// assert!(is_quota_exceeded("QuotaExceededError", 22));
/// assert!(is_quota_exceeded("NS_ERROR_DOM_QUOTA_REACHED", 1014));
/// assert!(is_quota_exceeded("", 22));
/// assert!(!is_quota_exceeded("SecurityError", 18));
/// ```
pub fn is_quota_exceeded(name: &str, code: u16) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || matches!(code, 22 | 1014)
}
