"""Live checking in the editor: findings as the plan is edited, on the canvas and in a panel.

Qt-free: :mod:`.protocol` (messages), :mod:`.split` (light/heavy rules), :mod:`.worker` (the heavy
checks' process), :mod:`.checker` (bookkeeping), :mod:`.overlaydata` (overlay primitives).
Qt: :mod:`.layers` (canvas items), :mod:`.panel` (findings panel), :mod:`.controller` (wiring).
"""
