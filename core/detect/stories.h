#pragma once

#include "detect/finding.h"
#include "model/result.h"

#include <functional>
#include <vector>

namespace backsight::detect {

// The kind of reason a story head carries for each anomaly folded into it.
inline const QString kStoryStepDetector = QStringLiteral("story_step");

// An attack rarely raises one anomaly: a foreign sign-in is also a new country, and an hour later the same session
// registers an MFA method or adds a role. Those follow-on anomalies of one user are one story for the analyst, so the
// later ones fold into the first (the story's head) instead of each taking a row in Triage (docs/detections.md,
// "Stories"). Only user anomalies of medium or higher take part (lows go to the day's digest), and a story stays open
// for `spanMs` from its head: a follow-on starts at most that long after it.
struct StoryWindow
{
    qint64 spanMs = 12 * 3'600'000LL;
};

// Audit-side anomalies (consent, role, credential: event table "audits") are examined after the sign-ins, so they may
// continue a sign-in story; a sign-in anomaly continues only a sign-in story. That keeps the stories the same whether a
// case is detected in one sweep or day by day.
bool isAuditSide(const Anomaly &a);

// Whether `next` continues the story `head` opened: same user, both medium or higher, `next` no earlier than the head
// and at most the window's span after it, and the head on a side `next` may follow.
bool continuesStory(const Anomaly &head, const Anomaly &next, const StoryWindow &window);

// Folds `next` into `head`: its kinds and events join the head's, its sentence becomes one reason (detector
// story_step, with the follower's time, kinds, severity, event and reasons as evidence), and the head takes the higher
// severity, score and threat and the later end. Folding the same follower twice changes nothing. Returns whether the
// head's severity rose.
bool absorbIntoStory(Anomaly &head, const Anomaly &next);

// The latest stored anomaly that `next` could continue: a user anomaly of `next`'s user other than `next` itself,
// medium or higher, before it (by time, then id), at most the span earlier, accepted by `mayLead` (the side rule,
// passed in by foldStories), whatever its status (store/anomaly_repository.h).
using StoryLeadCheck = std::function<bool(const Anomaly &head)>;
using StoredStoryHead = std::function<Result<std::optional<Anomaly>>(const Anomaly &next, const StoryLeadCheck &mayLead)>;

struct FoldedStories
{
    std::vector<Anomaly> anomalies;  // to store: heads of new stories and every anomaly that takes no part
    std::vector<Anomaly> extended;   // stored heads (status new) that took in follow-ons, to update in place
    std::vector<bool> severityRose;  // per extended head
    qint64 folded = 0;               // follow-on anomalies folded into a head
};

// Folds every follow-on anomaly in `anomalies` into its story's head: the latest head before it, stored (from
// `storedHead`, when given; only a head still new takes anything in) or one of `anomalies`. The rest keep their order.
Result<FoldedStories> foldStories(std::vector<Anomaly> anomalies, const StoryWindow &window,
                                  const StoredStoryHead &storedHead = {});

} // namespace backsight::detect
