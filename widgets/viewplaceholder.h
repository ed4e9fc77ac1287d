#pragma once

#include <QLabel>

class QAbstractItemView;

namespace Liq {

// What an item view says while it shows no row ("nothing yet: here is how to fill it"): a centred,
// wrapped placeholder-coloured text over the view's rows, kept in place as the view resizes.
class ViewPlaceholder final : public QLabel
{
    Q_OBJECT

public:
    explicit ViewPlaceholder(QAbstractItemView *view);

    // Shows text over the rows; an empty text hides the placeholder.
    void showText(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QAbstractItemView *m_view;
};

} // namespace Liq
