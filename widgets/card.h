#pragma once

#include <QWidget>

class QLabel;

namespace Liq {

// A panel of the dashboard: a rounded, bordered surface in the palette's base colour that sets one
// group of figures apart from the window background. Painted here rather than by a style sheet: a
// style sheet puts every widget of the application on Qt's slow style-sheet path (a tenth of the
// start-up time).
class Card : public QWidget
{
    Q_OBJECT

public:
    explicit Card(QWidget *parent = nullptr);

    // A card's heading: the application font, semi-bold (size and family still follow the app font).
    static QLabel *makeTitle(const QString &text, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Liq
