#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace Liq {

// A non-blocking strip above the dashboard for what went wrong (a file that did not load, a feed that
// failed). The data on screen stays; the banner says why it did not change, until dismissed or the next
// success.
class ErrorBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showMessage(const QString &message);
    QString message() const;

public slots:
    void dismiss();

signals:
    void dismissed();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_close;
};

} // namespace Liq
