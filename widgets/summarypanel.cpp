#include "summarypanel.h"

#include "liqpalette.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace Liq {

SummaryPanel::SummaryPanel(QWidget *parent)
    : Card(parent)
    , m_text(new QTextBrowser)
    , m_copyAction(new QAction(tr("&Copy Summary"), this))
    , m_copyButton(new QToolButton)
{
    auto *title = Card::makeTitle(tr("Market read"));
    m_copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyAction->setToolTip(tr("Copy the summary as plain text (%1)")
                                 .arg(m_copyAction->shortcut().toString(QKeySequence::NativeText)));
    m_copyAction->setEnabled(false);
    connect(m_copyAction, &QAction::triggered, this, &SummaryPanel::copyToClipboard);
    m_copyButton->setDefaultAction(m_copyAction);
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_text->setOpenLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAccessibleName(tr("Market summary"));
    m_text->viewport()->setAutoFillBackground(false);

    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 10, 10);
    layout->setSpacing(6);
    layout->addLayout(header);
    layout->addWidget(m_text, 1);
    clear();
}

void SummaryPanel::setSummary(const MarketSummary &summary)
{
    m_summary = summary;
    m_plainText = summary.toPlainText();
    m_copyAction->setEnabled(!m_plainText.isEmpty());
    render();
}

void SummaryPanel::clear()
{
    setSummary({});
}

void SummaryPanel::copyToClipboard()
{
    if (!m_plainText.isEmpty())
        QGuiApplication::clipboard()->setText(m_plainText);
}

void SummaryPanel::changeEvent(QEvent *event)
{
    Card::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

void SummaryPanel::render()
{
    if (m_plainText.isEmpty()) {
        m_text->setHtml(
            QStringLiteral("<p style='color:%1'>%2</p>")
                .arg(LiqPalette::mutedText(palette()).name(), tr("No snapshot loaded.").toHtmlEscaped()));
        return;
    }
    const QString muted = LiqPalette::mutedText(palette()).name();
    QString html;
    html += QStringLiteral("<p style='font-weight:600; margin-bottom:4px'>%1</p>")
                .arg(m_summary.headline.toHtmlEscaped());
    if (!m_summary.breakdown.isEmpty()) {
        html += QStringLiteral("<ul style='margin-left:-20px; margin-top:0'>");
        for (const QString &line : std::as_const(m_summary.breakdown))
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    const auto section = [&](const QString &title, const QString &body) {
        if (body.isEmpty())
            return;
        html += QStringLiteral("<p style='margin-bottom:2px'><span style='color:%1; "
                               "font-weight:600'>%2</span><br/>%3</p>")
                    .arg(muted, title.toHtmlEscaped(), body.toHtmlEscaped());
    };
    section(tr("Signal"), m_summary.signal);
    section(tr("Timing"), m_summary.timing);
    section(tr("Bottom line"), m_summary.bottomLine);
    m_text->setHtml(html);
}

} // namespace Liq
