from tests.access import public

EXPECTATIONS = [
    public("core:home"),
    public("core:accessibility"),
    public("core:privacy"),
    public("api-docs"),
]
