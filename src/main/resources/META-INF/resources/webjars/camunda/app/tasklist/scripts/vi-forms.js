/*
 * Camunda Forms (form-js 1.8.7 in Tasklist 7.24) speaks English only, and enters dates in the browser's own
 * order (mm/dd/yyyy in an English browser). For CongressFlow's users this script, loaded by Tasklist before any
 * form (see config.js), makes them Vietnamese: dates are entered and shown as dd/mm/yyyy, and the form's own
 * words and validation messages are translated where they appear. The server checks the same rules and answers
 * in Vietnamese itself.
 */

// form-js derives the date order from new Intl.DateTimeFormat('default') (no options): give it day first with two
// digits, as dd/mm/yyyy (vi-VN's own pattern drops the leading zeros, which the date input does not parse back)
const NativeDateTimeFormat = Intl.DateTimeFormat;
function DayFirstDateTimeFormat(locales, options) {
  const dayFirst = (locales === undefined || locales === 'default') && options === undefined;
  return new NativeDateTimeFormat(dayFirst ? 'en-GB' : locales, options);
}
DayFirstDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
DayFirstDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = DayFirstDateTimeFormat;

const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.*)$/, (m) => 'Giá trị phải đúng mẫu ' + m[1]],
  [/^Field must have minimum length of (\d+)\.?$/, (m) => 'Cần ít nhất ' + m[1] + ' ký tự.'],
  [/^Field must have maximum length of (\d+)\.?$/, (m) => 'Tối đa ' + m[1] + ' ký tự.'],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => 'Giá trị nhỏ nhất là ' + m[1] + '.'],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => 'Giá trị lớn nhất là ' + m[1] + '.'],
  [/^Field must be a valid email\.$/, () => 'Địa chỉ e-mail không hợp lệ.'],
  [/^Date must match pattern (.*)$/, (m) => 'Ngày phải đúng mẫu ' + m[1]]
];

/** The words of form-js's own controls: repeating rows, selects, tables. */
const WORDS = [
  [/^Add new$/, () => 'Thêm dòng'],
  [/^Collapse$/, () => 'Thu gọn'],
  [/^Expand all \((\d+)\)$/, (m) => 'Mở rộng tất cả (' + m[1] + ')'],
  [/^Select$/, () => 'Chọn'],
  [/^Nothing to show\.$/, () => 'Không có dữ liệu.']
];
const PLACEHOLDERS = {Search: 'Tìm kiếm', Select: 'Chọn'};

function translated(text, table) {
  const trimmed = text.trim();
  for (const [pattern, vietnamese] of table) {
    const match = trimmed.match(pattern);
    if (match) {
      return text.replace(trimmed, vietnamese(match));
    }
  }
  return null;
}

function translateText(node, table) {
  const vietnamese = translated(node.nodeValue, table);
  if (vietnamese !== null) {
    node.nodeValue = vietnamese;
  }
}

function translateForms() {
  document.querySelectorAll('.fjs-container').forEach((form) => {
    const texts = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const inError = node.parentElement && node.parentElement.closest('.fjs-form-field-error');
      translateText(node, inError ? MESSAGES : WORDS);
    }
    form.querySelectorAll('input[placeholder]').forEach((input) => {
      const vietnamese = PLACEHOLDERS[input.getAttribute('placeholder')];
      if (vietnamese) {
        input.setAttribute('placeholder', vietnamese);
      }
    });
  });
}

new MutationObserver(translateForms).observe(document.body, {childList: true, subtree: true, characterData: true});
