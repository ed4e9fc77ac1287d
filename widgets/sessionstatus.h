#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace Liq {

// The status bar's permanent part: where the data comes from, what it covers, how old it is, and how
// many warnings it carries (a button that asks for the list).
class SessionStatus final : public QWidget
{
    Q_OBJECT

public:
    explicit SessionStatus(QWidget *parent = nullptr);

    void setInfo(const QString &source, const QString &scope, const QDateTime &asOf, int warningCount);
    void clear();

    QString sourceText() const;
    QString scopeText() const;
    QString timeText() const;
    QToolButton *warningsButton() const { return m_warnings; }

    // "just now", "5 min ago", "3 h ago", "2 days ago"; "in the future" for clocks that disagree.
    static QString ageText(const QDateTime &asOf, const QDateTime &now);

signals:
    void warningsRequested();

private:
    void refreshAge();

    QLabel *m_source;
    QLabel *m_scope;
    QLabel *m_time;
    QToolButton *m_warnings;
    QTimer *m_ageTimer;
    QDateTime m_asOf;
};

} // namespace Liq
