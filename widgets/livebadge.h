#pragma once

#include "feed/feedtypes.h"

#include <QLabel>
#include <QTimer>

namespace Liq {

// The feed's state in the toolbar: a coloured dot and words ("Live", "Stale · data 2 min old",
// "Retrying in 8 s", ...) so nothing depends on colour alone. The tooltip is FeedStatus::describe().
// It ticks once a second only while it shows an age or a countdown.
class LiveBadge final : public QLabel
{
    Q_OBJECT

public:
    explicit LiveBadge(QWidget *parent = nullptr);

    void setStatus(const Liq::FeedStatus &status);
    const FeedStatus &status() const { return m_status; }
    bool isTicking() const { return m_tick.isActive(); }

    // The badge's words for a status at a moment (also its accessible name).
    static QString badgeText(const FeedStatus &status, const QDateTime &now);
    // Whether badgeText() changes with time for this status.
    static bool showsTime(const FeedStatus &status);
    // The dot's colour for a state.
    static QColor stateColor(FeedState state);

private:
    void updateText();

    FeedStatus m_status;
    QTimer m_tick;
};

} // namespace Liq
