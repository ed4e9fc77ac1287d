#include "selectablelabel.h"

#include <QEvent>
#include <QLabel>

namespace Liq {
namespace {

// Watches its label until the pointer first enters it, then makes it selectable and goes away.
class SelectOnHover final : public QObject
{
public:
    explicit SelectOnHover(QLabel *label)
        : QObject(label)
        , m_label(label)
    {
        label->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_label && event->type() == QEvent::Enter) {
            m_label->removeEventFilter(this);
            m_label->setTextInteractionFlags(m_label->textInteractionFlags() | Qt::TextSelectableByMouse);
            deleteLater();
        }
        return false;
    }

private:
    QLabel *m_label;
};

} // namespace

void makeSelectableOnHover(QLabel *label)
{
    if (label->underMouse())
        label->setTextInteractionFlags(label->textInteractionFlags() | Qt::TextSelectableByMouse);
    else
        new SelectOnHover(label);
}

} // namespace Liq
