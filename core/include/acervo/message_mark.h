// message_mark.h — N_(): marks a fixed English message for acervo's catalogs (po/, see
// docs/i18n.md) without translating it. A bundled plugin cannot see the language the host
// chose, so it marks the messages people read (its description, a fixed failure reason) and
// the host translates them where it shows them: `acervo plugins` translates descriptions, the
// loader host a loader's failure. A message with values in it is not found and stays English.
// A plugin outside the project may use it too; its messages simply stay as written.
#ifndef ACERVO_MESSAGE_MARK_H_
#define ACERVO_MESSAGE_MARK_H_

namespace acervo {

constexpr const char* N_(const char* msgid) { return msgid; }

}  // namespace acervo

#endif  // ACERVO_MESSAGE_MARK_H_
