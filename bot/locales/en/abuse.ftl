# Flood protection

abuse-slow-down = You're sending messages very quickly. Please slow down — I will answer again in { $seconds } seconds.
