# Free-text questions: FAQ, "did you mean", passing on to staff

qa-faq-answer =
    <b>{ $title }</b>
    { $answer }
qa-did-you-mean = I'm not sure which of these you mean. Is it one of them?
qa-no-answer = I can't answer that one myself. If you like, I'll pass your question to the staff, and they will reply here.
qa-ask-staff = 🙋 Ask a person
qa-which-day = Which day do you mean? Tap a date.
qa-feedback-offer = Would you like to rate the canteen? Tap the button below; it takes a minute or two.
qa-feedback-button = ✍️ Rate the canteen
