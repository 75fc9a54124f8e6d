"""Posters with QR codes for the centre's walls (issue 16)."""
