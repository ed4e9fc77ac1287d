#include "sessionstatus.h"

#include "domain/duration.h"
#include "selectablelabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace Liq {

SessionStatus::SessionStatus(QWidget *parent)
    : QWidget(parent)
    , m_source(new QLabel)
    , m_scope(new QLabel)
    , m_time(new QLabel)
    , m_warnings(new QToolButton)
    , m_ageTimer(new QTimer(this))
{
    m_warnings->setAutoRaise(true);
    m_warnings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_warnings->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_warnings->setToolTip(tr("Show the warnings"));
    makeSelectableOnHover(m_source);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(14);
    layout->addWidget(m_source, 1);
    layout->addWidget(m_scope);
    layout->addWidget(m_time);
    layout->addWidget(m_warnings);
    connect(m_warnings, &QToolButton::clicked, this, &SessionStatus::warningsRequested);
    connect(m_ageTimer, &QTimer::timeout, this, &SessionStatus::refreshAge);
    m_ageTimer->setInterval(30 * 1000);
    clear();
}

void SessionStatus::setInfo(const QString &source, const QString &scope, const QDateTime &asOf,
                            int warningCount)
{
    m_source->setText(tr("Source: %1").arg(source));
    m_source->setToolTip(source);
    m_scope->setText(tr("Scope: %1").arg(scope));
    m_asOf = asOf;
    m_warnings->setText(warningCount == 1 ? tr("1 warning") : tr("%1 warnings").arg(warningCount));
    m_warnings->setVisible(warningCount > 0);
    m_ageTimer->start();
    refreshAge();
}

void SessionStatus::clear()
{
    m_source->setText(tr("No snapshot"));
    m_scope->clear();
    m_time->clear();
    m_asOf = {};
    m_warnings->hide();
    m_ageTimer->stop();
}

QString SessionStatus::sourceText() const
{
    return m_source->text();
}

QString SessionStatus::scopeText() const
{
    return m_scope->text();
}

QString SessionStatus::timeText() const
{
    return m_time->text();
}

void SessionStatus::refreshAge()
{
    if (!m_asOf.isValid()) {
        m_time->clear();
        return;
    }
    m_time->setText(tr("As of %1 UTC (%2)")
                        .arg(m_asOf.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             ageText(m_asOf, QDateTime::currentDateTimeUtc())));
}

QString SessionStatus::ageText(const QDateTime &asOf, const QDateTime &now)
{
    const qint64 seconds = asOf.secsTo(now);
    if (seconds < -60)
        return tr("in the future");
    if (seconds < 60)
        return tr("just now");
    return tr("%1 ago").arg(formatDuration(seconds));
}

} // namespace Liq
