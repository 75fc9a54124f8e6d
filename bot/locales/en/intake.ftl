intake-private-only = { $command } shows personal information, so I only answer it in a private chat. Tap the button below and send it to me there.
intake-open-private = Open a private chat
