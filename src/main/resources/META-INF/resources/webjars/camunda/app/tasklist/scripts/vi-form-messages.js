/*
 * Camunda Forms (form-js 1.8.7 in Tasklist 7.24) has its validation messages in English only. For a browser in
 * Vietnamese this translates them where they appear; the server checks the same rules and answers in Vietnamese.
 */
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

function translate(element) {
  const text = element.textContent.trim();
  for (const [pattern, vietnamese] of MESSAGES) {
    const match = text.match(pattern);
    if (match) {
      element.textContent = vietnamese(match);
      return;
    }
  }
}

if ((navigator.language || '').toLowerCase().startsWith('vi')) {
  new MutationObserver(() => document.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span')
    .forEach((element) => {
      if (element.children.length === 0) {
        translate(element);
      }
    })).observe(document.body, {childList: true, subtree: true, characterData: true});
}
