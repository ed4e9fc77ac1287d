#pragma once

#include "analysis/marketsummary.h"
#include "card.h"

class QAction;
class QTextBrowser;
class QToolButton;

namespace Liq {

// The plain-words report of the current scope: selectable text and a Copy action.
class SummaryPanel final : public Card
{
    Q_OBJECT

public:
    explicit SummaryPanel(QWidget *parent = nullptr);

    void setSummary(const MarketSummary &summary);
    void clear();
    QAction *copyAction() const { return m_copyAction; }

public slots:
    void copyToClipboard();

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    MarketSummary m_summary;
    QString m_plainText; // what Copy puts on the clipboard
    QTextBrowser *m_text;
    QAction *m_copyAction;
    QToolButton *m_copyButton;
};

} // namespace Liq
