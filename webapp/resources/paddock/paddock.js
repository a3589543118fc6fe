// What Paddock's pages do in the browser beyond PrimeFaces. Pages hold no inline scripts or on* attributes:
// the Content-Security-Policy allows only scripts served by Paddock (and PrimeFaces' own, by nonce).

// Copy buttons (class pd-copy) copy the text of the element just before them.
document.addEventListener('click', function (event) {
  var button = event.target.closest('.pd-copy');
  if (button && navigator.clipboard) {
    navigator.clipboard.writeText(button.previousElementSibling.textContent).then(function () {
      button.textContent = 'Copied';
    });
  }
});
