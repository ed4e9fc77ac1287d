#include "selectablelabel.h"

#include <QEnterEvent>
#include <QLabel>
#include <QTest>

using namespace Liq;

class tst_SelectableLabel final : public QObject
{
    Q_OBJECT

private slots:
    void becomesSelectableWhenThePointerEnters();
    void keepsOtherInteractionFlags();
};

void tst_SelectableLabel::becomesSelectableWhenThePointerEnters()
{
    QLabel label(u"$397.04M"_qs);
    makeSelectableOnHover(&label);
    // Not yet: no text document is built until someone points at the label.
    QVERIFY(!label.textInteractionFlags().testFlag(Qt::TextSelectableByMouse));

    QEnterEvent enter(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2));
    QCoreApplication::sendEvent(&label, &enter);
    QVERIFY(label.textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    label.setSelection(1, 3);
    QCOMPARE(label.selectedText(), u"397"_qs);

    // The watcher has gone: flags the app sets later are not overridden by another enter.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    label.setTextInteractionFlags(Qt::NoTextInteraction);
    QCoreApplication::sendEvent(&label, &enter);
    QCOMPARE(label.textInteractionFlags(), Qt::NoTextInteraction);
}

void tst_SelectableLabel::keepsOtherInteractionFlags()
{
    QLabel label(u"<a href=\"x\">link</a>"_qs);
    label.setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    makeSelectableOnHover(&label);
    QEnterEvent enter(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2));
    QCoreApplication::sendEvent(&label, &enter);
    QCOMPARE(label.textInteractionFlags(), Qt::LinksAccessibleByMouse | Qt::TextSelectableByMouse);
}

QTEST_MAIN(tst_SelectableLabel)
#include "tst_selectablelabel.moc"
