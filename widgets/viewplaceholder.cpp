#include "viewplaceholder.h"

#include <QAbstractItemView>
#include <QEvent>

namespace Liq {

ViewPlaceholder::ViewPlaceholder(QAbstractItemView *view)
    : QLabel(view)
    , m_view(view)
{
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    hide();
    view->installEventFilter(this);
}

void ViewPlaceholder::showText(const QString &text)
{
    setText(text);
    setVisible(!text.isEmpty());
    if (!text.isEmpty())
        place();
}

void ViewPlaceholder::place()
{
    setGeometry(m_view->viewport()->geometry().adjusted(24, 0, -24, 0));
}

bool ViewPlaceholder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::Resize && isVisible())
        place();
    return QLabel::eventFilter(watched, event);
}

} // namespace Liq
