#pragma once

#include "analysis/marketanalysis.h"

#include <QWidget>

#include <optional>

namespace Liq {

// A horizontal meter from "long flush" (left) through "balanced" to "short squeeze" (right), with a
// needle at the signed score. Side, level and score are also written out, so it reads without colour
// and through accessibility tools.
class SqueezeGauge final : public QWidget
{
    Q_OBJECT

public:
    explicit SqueezeGauge(QWidget *parent = nullptr);

    void setSignal(const SqueezeSignal &signal);
    // Clears to "no data".
    void clear();
    bool hasSignal() const { return m_hasSignal; }

    // -100 (strongest long flush) .. 0 (balanced) .. +100 (strongest short squeeze).
    int signedScore() const;
    // "Short squeeze", "Long flush" or "Balanced".
    QString sideText() const;
    // "Strong · score 78/100".
    QString detailText() const;
    // Where the needle points on the track, in widget coordinates: the signed score's place between the
    // long-flush end (left) and the short-squeeze end (right). None without a signal (no needle).
    std::optional<QPointF> needleTip() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void updateAccessibleText();
    QFont headFont() const;
    QRectF trackRect() const;

    SqueezeSignal m_signal;
    bool m_hasSignal = false;
};

} // namespace Liq
