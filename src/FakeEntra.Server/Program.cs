using FakeEntra.Server.Hosting;

return await FakeEntraHost.RunAsync(args);
