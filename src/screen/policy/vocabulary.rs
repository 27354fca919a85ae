//! The policy vocabulary: the fixed values pack files may use (evidence levels, effects,
//! context flags, value detectors, kinds of rights, deadlines).

use serde::{Deserialize, Serialize};

pub use crate::codes::{Severity, Stage};

/// How well a rule's summary is backed by what the researchers actually read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceLevel {
    /// The provision's own text was read in a stored source.
    Primary,
    /// Only commentary, regulator FAQs or consistent summaries were seen.
    Secondary,
    /// Written from general knowledge and not re-checked: verify before relying on it.
    Background,
}

/// What the law does with a category in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The data may not be processed, or the practice used, at all.
    ProhibitedProcessing,
    /// Decisions may not be based on it (anti-discrimination ground).
    ProhibitedGround,
    /// Special-category or sensitive data: only under a narrow, documented legal basis.
    SpecialCategory,
    /// Monitoring that is lawful only if necessary, proportionate and least intrusive.
    RestrictedMonitoring,
    /// Exercising a legal right; penalising it is retaliation or interference.
    ProtectedActivity,
    /// Not protected itself but can stand in for a protected trait.
    ProxyRisk,
}

/// A fact about the audited system that decides whether a conditional rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContextFlag {
    /// The operator is a digital labour platform (Directive (EU) 2024/2831; also dispatch
    /// platforms under China's algorithm provisions).
    IsDigitalLabourPlatform,
    /// The system is an AI system in the sense of AI Act Art. 3(1).
    IsAiSystem,
    /// Inputs include biometric data (face, voice, gait, keystroke dynamics, physiology).
    UsesBiometricInput,
    /// No meaningful human involvement before the decision takes effect.
    SolelyAutomated,
    /// The decision has legal or similarly significant effects on the worker.
    SignificantEffect,
    /// An automated employment decision tool screens for hiring or promotion in New York City.
    NycHiringOrPromotion,
    /// AI analyses applicant-recorded video interviews for an Illinois-based position.
    IlVideoInterview,
    /// Emotion or fatigue inference is for medical or safety reasons (lifts AI Act Art. 5(1)(f)).
    MedicalOrSafetyPurpose,
    /// The job is on a Chinese health-authority list where hepatitis-B testing is permitted.
    ApprovedOccupationHbv,
}

/// A value detector implemented in code, for checks a regular expression cannot express
/// (check digits, numeric ranges).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueDetector {
    /// 18-character PRC resident ID with a valid ISO 7064 MOD 11-2 check digit (reveals
    /// registration region, birth date and sex).
    CnResidentId,
    /// A "lat, lon" pair with at least four decimals and both numbers in range.
    LatLonPair,
    /// A vector of 32 or more floats in one cell (a likely face or voice embedding).
    EmbeddingVector,
}

/// The kind of right a pack gives workers, for the explanation layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightKind {
    /// To be told, before or at the time, that a system is used and how.
    Notice,
    /// To obtain an explanation of a decision or of the logic involved.
    Explanation,
    /// To refuse, or not be subject to, a decision made solely by automated means.
    RefuseAutomated,
    /// To obtain human intervention or review, or a decision taken by a human.
    HumanReview,
    /// To express one's view and contest a decision.
    Contest,
    /// To access and obtain a copy of one's data.
    Access,
    /// To have inaccurate data corrected.
    Rectification,
    /// To have data deleted.
    Erasure,
    /// To object to processing.
    Object,
    /// To talk to a designated contact person.
    ContactPerson,
    /// To receive a written statement of reasons.
    WrittenReasons,
    /// To complain to an authority or sue.
    Complaint,
    /// Consultation of workers or their representatives on the system's rules.
    Consultation,
    /// Processing only after the person's consent.
    Consent,
    /// To ask for an alternative selection process or an accommodation.
    AlternativeProcess,
    /// Rectification of the decision or compensation after an infringement.
    Remedy,
}

/// Who must act within a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineBinds {
    /// The worker must act within it (a limitation period, a time to complain).
    Worker,
    /// The employer or authority must act within it (a time to answer a request).
    Employer,
}

/// Unit of a deadline set by law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineUnit {
    /// Calendar days.
    Days,
    /// Business days.
    BusinessDays,
    /// Weeks.
    Weeks,
    /// Calendar months.
    Months,
    /// Years.
    Years,
}
