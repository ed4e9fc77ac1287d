#pragma once

class QLabel;

namespace Liq {

// Lets the user select (and copy) the label's text with the mouse, from the moment the pointer first
// enters the label. A selectable QLabel keeps a whole QTextDocument and lays it out again at every
// resize; made selectable up front, the dashboard's nine such labels cost 4% of the start-up, for a
// feature that needs the pointer over the label anyway.
void makeSelectableOnHover(QLabel *label);

} // namespace Liq
