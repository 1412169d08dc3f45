// response_mode=form_post: send the response to the app at once (without script the page offers a Continue button).
document.forms[0].submit();
