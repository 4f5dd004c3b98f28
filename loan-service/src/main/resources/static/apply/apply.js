/*
 * The SME form's one script, and only an enhancement: "添加一项 / Add another" clones the last IP row in the page,
 * renumbered and empty, and moves the focus to it, instead of posting the form. Without script the button posts
 * what was typed, and the server keeps it and redirects to the form with one row more (ApplyController).
 */
(function () {
  'use strict';
  var button = document.getElementById('add-asset');
  var form = document.getElementById('apply-form');
  if (!button || !form || !form.elements.assetRows) {
    return;
  }
  var max = parseInt(button.getAttribute('data-max'), 10);
  var legend = button.getAttribute('data-legend');

  function each(root, selector, f) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), f);
  }

  /** A name or id of row {@code from} as the same of row {@code to}: assets[0].type, f-assets-0-type(-hint). */
  function renamed(value, from, to) {
    return value.split('assets[' + from + ']').join('assets[' + to + ']')
      .split('f-assets-' + from + '-').join('f-assets-' + to + '-');
  }

  button.addEventListener('click', function (event) {
    var rows = form.querySelectorAll('fieldset.asset');
    if (rows.length === 0 || rows.length >= max) {
      return; // the server answers for the rows it allows
    }
    event.preventDefault();
    var last = rows[rows.length - 1];
    var from = rows.length - 1;
    var to = rows.length;
    var row = last.cloneNode(true);
    row.querySelector('legend').textContent = legend.replace('{n}', String(to + 1));
    // the copy starts clean: no error of the row it was copied from
    each(row, '.error', function (e) { e.parentNode.removeChild(e); });
    each(row, '.invalid', function (e) { e.classList.remove('invalid'); });
    each(row, '[id], [for], [name], [aria-describedby]', function (e) {
      ['id', 'for', 'name'].forEach(function (a) {
        if (e.hasAttribute(a)) {
          e.setAttribute(a, renamed(e.getAttribute(a), from, to));
        }
      });
      if (e.hasAttribute('aria-describedby')) {
        var ids = e.getAttribute('aria-describedby').split(/\s+/)
          .filter(function (id) { return id && !/-error$/.test(id); })
          .map(function (id) { return renamed(id, from, to); });
        if (ids.length > 0) {
          e.setAttribute('aria-describedby', ids.join(' '));
        } else {
          e.removeAttribute('aria-describedby');
        }
      }
      e.removeAttribute('aria-invalid');
      e.removeAttribute('autofocus');
    });
    each(row, 'input, textarea', function (e) { e.value = ''; });
    each(row, 'select', function (e) { e.selectedIndex = 0; });
    last.parentNode.insertBefore(row, last.nextSibling);
    form.elements.assetRows.value = String(to + 1);
    if (to + 1 >= max) {
      button.hidden = true;
    }
    row.querySelector('select, input').focus();
  });
}());
