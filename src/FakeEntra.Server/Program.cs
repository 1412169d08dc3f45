using FakeEntra.Server.Hosting;

return args.Contains(HealthProbe.Switch)
    ? await HealthProbe.RunAsync(args)
    : await FakeEntraHost.RunAsync(args);
