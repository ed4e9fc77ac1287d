#pragma once

#include "live/livestatus.h"

#include <QLabel>
#include <QTimer>

namespace Liq {

// The live source's state in the toolbar: a coloured dot and words (LinkStatus::shortText(): "Live",
// "Stale · data 2 min old", "Retrying in 8 s", ...) so nothing depends on colour alone. The tooltip
// is LiveStatus::describeAll(), one line per connection.
// It ticks once a second only while it shows an age or a countdown.
class LiveBadge final : public QLabel
{
    Q_OBJECT

public:
    explicit LiveBadge(QWidget *parent = nullptr);

    void setStatus(const Liq::LiveStatus &status);
    const LiveStatus &status() const { return m_status; }
    bool isTicking() const { return m_tick.isActive(); }

    // The dot's colour for a state.
    static QColor stateColor(LiveState state);

private:
    void updateText();
    QString linksText(const QDateTime &now) const;

    LiveStatus m_status;
    QTimer m_tick;
};

} // namespace Liq
